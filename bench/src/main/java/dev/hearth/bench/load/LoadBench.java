package dev.hearth.bench.load;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load benchmark: simulated GMs and players on real WebSockets against Hearth and, in the same
 * run, against a raw Jetty relay, so that each Hearth figure is also a ratio to what the transport
 * alone does on this machine. Run it with {@code bench/run load}.
 */
@Command(
        name = "load",
        description = {
            "Drives Hearth (and the raw relay baseline) with the scenarios of issue 7; prints a table and writes"
                    + " <results>/<timestamp>/load.json with plots (latency-vs-load.png, memory-vs-connections.png)."
        },
        sortOptions = false)
public final class LoadBench implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME", defaultValue = "a,b,c,d,e,f,g,sweep",
            description = "Presets to run: a, b, c, d (both bursts), e, f, g, sweep, or one step (d2000, sweep-4000)"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<String> names;

    @Option(names = "--targets", split = ",", paramLabel = "TARGET", defaultValue = "hearth,relay",
            description = "hearth, relay (the baseline) or both (default: ${DEFAULT-VALUE}).")
    private List<String> targets;

    @Option(names = "--smoke", description = "Tiny versions of a and g that take seconds (what CI runs).")
    private boolean smoke;

    @Option(names = "--server-jvm", split = " ", paramLabel = "OPTS", defaultValue = "-Xms1g -Xmx1g",
            description = "JVM options of both servers (default: ${DEFAULT-VALUE}).")
    private List<String> serverJvm;

    @Option(names = "--hearth-set", paramLabel = "KEY=VALUE",
            description = "A Hearth setting for the run (repeatable), e.g. store.sqlite.synchronous=normal.")
    private List<String> hearthSettings = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench/results",
            description = "Where the run's folder is made (default: ${DEFAULT-VALUE}).")
    private Path results;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, List<Scenario>> all = Scenarios.all(smoke);
        List<Scenario> chosen = new ArrayList<>();
        for (String name : smoke ? List.copyOf(all.keySet()) : names) {
            List<Scenario> s = all.containsKey(name) ? all.get(name)
                    : all.values().stream().flatMap(List::stream).filter(x -> x.id().equals(name)).toList();
            if (s.isEmpty()) {
                System.err.println("load: unknown scenario '" + name + "'; known: " + all.keySet()
                        + " and single steps such as d2000 or sweep-4000");
                return 2;
            }
            chosen.addAll(s);
        }
        boolean hearth = targets.contains("hearth");
        boolean relay = targets.contains("relay");
        if (!hearth && !relay) {
            System.err.println("load: --targets names neither hearth nor relay");
            return 2;
        }
        Instant started = Instant.now();
        Path dir = results.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(started));
        LoadRun run = new LoadRun(dir, serverJvm, hearthSettings);
        List<ScenarioResult> outcomes = run.run(chosen, hearth, relay);
        LoadReport report = new LoadReport(started, String.join(" ", commandLine()), outcomes);
        report.print(System.out);
        report.write(dir);
        System.out.println();
        System.out.println("results: " + dir.toAbsolutePath());
        return report.valid() ? 0 : 1;
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>(List.of("bench/run", "load"));
        if (smoke) {
            args.add("--smoke");
        } else {
            args.add("--scenarios");
            args.add(String.join(",", names));
        }
        args.add("--targets");
        args.add(String.join(",", targets));
        hearthSettings.forEach(s -> args.add("--hearth-set " + s));
        return args;
    }
}
