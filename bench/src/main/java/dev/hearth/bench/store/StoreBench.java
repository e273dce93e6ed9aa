package dev.hearth.bench.store;

import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.sqlite.SqliteEventStore.Synchronous;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The store append benchmark: durable events per second and ack latency for each engine, number of
 * concurrently writing sessions, and group commit on or off, all in one process so that the ratio
 * to the unbatched baseline compares like with like. Run it with {@code bench/run store}.
 */
@Command(
        name = "store",
        description = {
            "Measures EventStore.append: durable events/s and ack latency (p50, p99, max) for each engine,"
                    + " session count and group-commit mode; audits every session's log afterwards;"
                    + " prints a table and writes <results>/<timestamp>/store.json."
        },
        sortOptions = false)
public final class StoreBench implements Callable<Integer> {

    /** Deeper than this, a session would be a bulk loader, not an actor waiting on its acks. */
    private static final int MAX_PIPELINE = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--engines", split = ",", paramLabel = "ENGINE", defaultValue = "sqlite,postgresql",
            description = "Engines to measure: sqlite, postgresql (default: ${DEFAULT-VALUE}).")
    private List<String> engines;

    @Option(names = "--sessions", split = ",", paramLabel = "N", defaultValue = "1,10,100",
            description = "Concurrently writing sessions, one virtual thread each (default: ${DEFAULT-VALUE}).")
    private List<Integer> sessions;

    @Option(names = "--group-commit", split = ",", paramLabel = "MODE", defaultValue = "off,on",
            description = "Modes: off (one transaction per append, the baseline), on (default: ${DEFAULT-VALUE}).")
    private List<String> modes;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "SECONDS",
            description = "Writing before the measurement window opens (default: ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--measure", defaultValue = "7", paramLabel = "SECONDS",
            description = "Length of the measurement window (default: ${DEFAULT-VALUE}).")
    private int measureSeconds;

    @Option(names = "--trials", defaultValue = "1", paramLabel = "N",
            description = "Runs of each scenario, interleaved; figures are the median trial's (default: ${DEFAULT-VALUE}).")
    private int trials;

    @Option(names = "--pipeline", defaultValue = "1", paramLabel = "N",
            description = "Appends each session keeps in flight; 1 waits for every ack (default: ${DEFAULT-VALUE}).")
    private int pipeline;

    @Option(names = "--max-batch", paramLabel = "EVENTS",
            description = "Group commit on: most events per transaction (default: the store's, 1024).")
    private Integer maxBatchEvents;

    @Option(names = "--max-wait-us", paramLabel = "MICROS",
            description = "Group commit on: longest a write waits for company (default: the store's, 0).")
    private Long maxWaitMicros;

    @Option(names = "--queue", paramLabel = "WRITES",
            description = "Both modes: the store's write queue bound (default: the store's, 10000).")
    private Integer queueCapacity;

    @Option(names = "--sqlite-sync", defaultValue = "FULL", paramLabel = "FULL|NORMAL",
            description = "SQLite synchronous: FULL (durable through power loss) or NORMAL (default: ${DEFAULT-VALUE}).")
    private Synchronous sqliteSync;

    @Option(names = "--sqlite-dir", paramLabel = "DIR",
            description = "Where SQLite files go, on a real disk (default: the system temporary directory).")
    private Path sqliteDir;

    @Option(names = "--pg-url", paramLabel = "JDBC_URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
            description = "PostgreSQL database in which a scratch schema is made per scenario (default: ${DEFAULT-VALUE}).")
    private String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres", paramLabel = "USER", description = "(default: ${DEFAULT-VALUE})")
    private String pgUser;

    @Option(names = "--pg-password", defaultValue = "", paramLabel = "PASSWORD", description = "(default: empty)")
    private String pgPassword;

    @Option(names = "--pg-pool", defaultValue = "4", paramLabel = "N", description = "Store connections (default: ${DEFAULT-VALUE}).")
    private int pgPool;

    @Option(names = "--results", defaultValue = "bench/results", paramLabel = "DIR",
            description = "Each run writes <DIR>/<timestamp>/store.json (default: ${DEFAULT-VALUE}).")
    private Path results;

    public static void main(String[] args) {
        // Overwriting lets bench/run pass a default --results that the user's own --results replaces.
        int exit = new CommandLine(new StoreBench())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true)
                // Set-up failures (an unreachable PostgreSQL, an unwritable directory) carry their own
                // explanation: print it, not a stack trace.
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    System.err.println("bench: " + e.getMessage());
                    return 1;
                })
                .execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        List<Scenario> scenarios = scenarios();
        Instant startedAt = Instant.now();
        var databases = new DatabaseSettings(
                Optional.ofNullable(sqliteDir), sqliteSync, pgUrl, pgUser, pgPassword, pgPool);
        // Ask each engine for its version first: an unreachable PostgreSQL fails here, before minutes of SQLite runs.
        List<Database> used = scenarios.stream().map(Scenario::database).distinct().toList();
        Machine machine = Machine.describe(
                used.contains(Database.SQLITE) ? Database.SQLITE.engineVersion(databases) : null,
                used.contains(Database.POSTGRESQL) ? Database.POSTGRESQL.engineVersion(databases) : null,
                DiskProbe.measure(Optional.ofNullable(sqliteDir).orElse(Path.of(System.getProperty("java.io.tmpdir")))));
        EventPayloads payloads = EventPayloads.generate(42);
        var run = new RunInfo(commandLine(), startedAt,
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(measureSeconds), trials, pipeline, groupCommitOn(),
                payloads.meanBytes(), StoreBuild.describe(), machine);

        var runner = new ScenarioRunner(databases, payloads, run.warmup(), run.measure());
        // Trials go round the whole matrix rather than repeat one scenario back to back, so that a
        // slow spell of the machine spreads over scenarios instead of sinking one of them.
        Map<Scenario, List<ScenarioResult>> done = new LinkedHashMap<>();
        int total = trials * scenarios.size();
        int n = 0;
        for (int trial = 0; trial < trials; trial++) {
            for (Scenario s : scenarios) {
                System.err.printf("[%d/%d] %s ...%n", ++n, total, s.label());
                ScenarioResult r = runner.run(s);
                System.err.printf("        %,.0f events/s, p50 %.2f ms, p99 %.2f ms%s%n", r.eventsPerSecond(),
                        r.latency().p50(), r.latency().p99(), r.valid() ? "" : "  INVALID");
                done.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
            }
        }
        List<ScenarioSummary> summaries = done.entrySet().stream()
                .map(e -> new ScenarioSummary(e.getKey(), e.getValue()))
                .toList();

        ResultTable.print(System.out, run, summaries);
        Path dir = results.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(startedAt));
        Path file = ResultFile.write(dir, run, summaries);
        System.out.println();
        System.out.println("results: " + file);
        // Figures from a run that lost or misplaced a write are not figures: fail loudly.
        return summaries.stream().allMatch(ScenarioSummary::valid) ? 0 : 1;
    }

    /** The arguments as given, for the results file, with a password masked. */
    private String commandLine() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--pg-password=")) {
                args.set(i, "--pg-password=***");
            } else if (args.get(i).equals("--pg-password") && i + 1 < args.size()) {
                args.set(i + 1, "***");
            }
        }
        return String.join(" ", args);
    }

    /** Engines outermost, then session counts, the baseline right before its group-commit run. */
    private List<Scenario> scenarios() {
        if (pipeline < 1 || pipeline > MAX_PIPELINE) {
            throw new ParameterException(spec.commandLine(),
                    "--pipeline must be 1-" + MAX_PIPELINE + ", was " + pipeline);
        }
        if (warmupSeconds < 0 || measureSeconds < 1 || trials < 1) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, --measure and --trials >= 1");
        }
        GroupCommitSettings on = groupCommitOn();
        List<Scenario> list = new ArrayList<>();
        for (String e : engines) {
            Database db = parse(Database.class, e, "--engines");
            for (int n : sessions) {
                if (n < 1 || (long) n * pipeline > on.queueCapacity()) {
                    throw new ParameterException(spec.commandLine(), "--sessions " + n + " with --pipeline "
                            + pipeline + " must keep at most " + on.queueCapacity()
                            + " writes in flight (the queue bound; raise it with --queue)");
                }
                for (String m : modes) {
                    GroupCommit mode = parse(GroupCommit.class, m, "--group-commit");
                    list.add(new Scenario(db, n, mode, mode.settings(on), pipeline));
                }
            }
        }
        return list;
    }

    private GroupCommitSettings groupCommitOn() {
        GroupCommitSettings d = GroupCommitSettings.DEFAULT;
        try {
            return new GroupCommitSettings(
                    maxBatchEvents != null ? maxBatchEvents : d.maxBatchEvents(),
                    maxWaitMicros != null ? Duration.ofNanos(maxWaitMicros * 1000) : d.maxWait(),
                    queueCapacity != null ? queueCapacity : d.queueCapacity());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new ParameterException(spec.commandLine(), option + ": unknown value '" + value + "'");
    }
}
