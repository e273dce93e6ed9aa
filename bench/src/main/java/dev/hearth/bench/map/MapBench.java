package dev.hearth.bench.map;

import dev.hearth.core.table.TableState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The big-scene benchmark (issue 9: 100 tokens, 1,000 drawings and 10 MB of state per scene stay
 * smooth; past the limits a clear error): what one map command costs the table actor on a scene of
 * each size, beside an almost empty scene measured in the same run, and what the whole state costs
 * to snapshot and to send in a welcome. All in this one process, on one thread, as the actor runs.
 * Run it with {@code bench/run map}.
 */
@Command(
        name = "map",
        description = {
            "Measures map commands end to end on the table actor (Table.decide + apply + the log and wire JSON) on"
                    + " a baseline scene, issue 9's target scene and a scene at every limit; the snapshot and the"
                    + " welcome's map view; and checks the errors past the limits. Prints tables and writes"
                    + " <results>/<timestamp>/map.json."
        },
        sortOptions = false)
public final class MapBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--scenarios", split = ",", paramLabel = "ID", defaultValue = "baseline,target,limit",
            description = "Scenarios: baseline, target, limit (default: ${DEFAULT-VALUE}). Ratios need baseline.")
    private List<String> scenarioIds;

    @Option(names = "--quick", description = "Seconds rather than minutes, for development: --warmup 2 --measure 2"
            + " --trials 1 --state-repeats 2 unless given.")
    private boolean quick;

    @Option(names = "--warmup", paramLabel = "SECONDS",
            description = "Commands on each scenario before any is measured, for the JIT (default: 8).")
    private Double warmupSeconds;

    @Option(names = "--measure", paramLabel = "SECONDS", description = "Each scenario's window per trial (default: 10).")
    private Double measureSeconds;

    @Option(names = "--trials", paramLabel = "N",
            description = "Windows per scenario, interleaved; figures are the median trial's (default: 3).")
    private Integer trials;

    @Option(names = "--state-repeats", paramLabel = "N",
            description = "Snapshot and map-view timings per scenario per trial (default: 5).")
    private Integer stateRepeats;

    @Option(names = "--episode", defaultValue = "200", paramLabel = "COMMANDS",
            description = "Commands before the scene goes back to its base state (default: ${DEFAULT-VALUE}).")
    private int episode;

    @Option(names = "--seed", defaultValue = "9", paramLabel = "N", description = "Scenes and commands (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--results", defaultValue = "bench/results", paramLabel = "DIR",
            description = "Each run writes <DIR>/<timestamp>/map.json (default: ${DEFAULT-VALUE}).")
    private Path results;

    public static void main(String[] args) {
        int exit = new CommandLine(new MapBench()).setOverwrittenOptionsAllowed(true).execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        List<MapScenario> scenarios = scenarios();
        RunInfo info = RunInfo.start(String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                seconds(warmupSeconds, quick ? 2 : 8), seconds(measureSeconds, quick ? 2 : 10),
                orDefault(trials, quick ? 1 : 3), episode, orDefault(stateRepeats, quick ? 2 : 5), seed);
        if (info.trials() < 1 || info.stateRepeats() < 1 || episode < 1 || info.measure().isZero()) {
            throw new ParameterException(spec.commandLine(), "--trials, --state-repeats, --episode and --measure must be > 0");
        }
        MapReport report = run(info, scenarios, System.err);
        report.print(System.out);
        Path file = report.write(results.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(info.startedAt())));
        System.out.println();
        System.out.println("results: " + file);
        return report.valid() ? 0 : 1;
    }

    /** The whole run: build, warm up, trials interleaved, past the limits. Progress goes to {@code log}. */
    static MapReport run(RunInfo info, List<MapScenario> scenarios, java.io.PrintStream log) {
        Cast cast = Cast.TABLE;
        CommandPath path = new CommandPath();
        StateCosts costs = new StateCosts(path, cast);
        Map<MapScenario, ScenarioRun> runs = new LinkedHashMap<>();
        for (MapScenario s : scenarios) {
            long t0 = System.nanoTime();
            TableState base = BaseScene.build(s, cast, info.seed());
            log.printf("built %-8s %s in %.1f s%n", s.id(), SceneSize.of(base), (System.nanoTime() - t0) / 1e9);
            runs.put(s, new ScenarioRun(s, cast, base, info.episode(), info.seed() + 1, path));
        }
        // Every scenario warms up before any is measured, so the JIT has seen every shape of the work.
        for (ScenarioRun r : runs.values()) {
            log.printf("warm-up  %-8s ...%n", r.scenario().id());
            r.window(info.warmup());
            costs.measure(r.base(), info.warmup().isZero() ? 0 : 2);
        }
        Map<MapScenario, List<ScenarioRun.Window>> windows = new LinkedHashMap<>();
        Map<MapScenario, StateCosts.Samples> samples = new LinkedHashMap<>();
        for (int trial = 1; trial <= info.trials(); trial++) {
            for (ScenarioRun r : runs.values()) {
                ScenarioRun.Window w = r.window(info.measure());
                windows.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(w);
                StateCosts.Samples s = costs.measure(r.base(), info.stateRepeats());
                samples.merge(r.scenario(), s, StateCosts.Samples::plus);
                log.printf("trial %d  %-8s %,9.0f commands/s, p99 %s; snapshot %.2f MB%n", trial, r.scenario().id(),
                        w.all().perSecond(), MapReport.time(w.all().percentileMicros(99)), s.snapshotMegabytes());
            }
        }
        TableState full = runs.containsKey(MapScenario.LIMIT) ? runs.get(MapScenario.LIMIT).base()
                : BaseScene.build(MapScenario.LIMIT, cast, info.seed());
        List<PastTheLimits.Check> limits = PastTheLimits.check(cast, full);
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioRun r : runs.values()) {
            results.add(new ScenarioResult(r.scenario(), SceneSize.of(r.base()), windows.get(r.scenario()),
                    samples.get(r.scenario())));
        }
        return new MapReport(info.ended(), results, limits);
    }

    private List<MapScenario> scenarios() {
        List<MapScenario> list = new ArrayList<>();
        for (String id : scenarioIds) {
            list.add(MapScenario.ALL.stream().filter(s -> s.id().equals(id.trim())).findFirst().orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "--scenarios: unknown scenario '" + id + "'")));
        }
        return list;
    }

    private static Duration seconds(Double given, double otherwise) {
        return Duration.ofMillis(Math.round(1000 * (given != null ? given : otherwise)));
    }

    private static int orDefault(Integer given, int otherwise) {
        return given != null ? given : otherwise;
    }
}
