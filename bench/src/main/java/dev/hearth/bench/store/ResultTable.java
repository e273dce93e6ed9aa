package dev.hearth.bench.store;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run's figures as plain-text tables: one row per scenario (its median trial, with the
 * range over trials, and the cores used in its window by this JVM, PostgreSQL and other processes),
 * then the ratios to the baseline and the targets.
 */
final class ResultTable {

    private ResultTable() {}

    static void print(PrintStream out, RunInfo run, List<ScenarioSummary> summaries) {
        Machine m = run.machine();
        out.println();
        out.printf(Locale.ROOT, "Store append benchmark: %d CPUs (%s), %.1f GiB, %s;"
                        + " 4 KiB write+fdatasync median %.2f ms, p99 %.2f ms%n",
                m.cpus(), m.cpuModel(), m.memoryGiB(), m.jdk(), m.disk().medianMillis(), m.disk().p99Millis());
        out.printf(Locale.ROOT, "SQLite %s, PostgreSQL %s; warm-up %d s, measured %d s, %d trial(s) per scenario;"
                        + " pipeline %d; group commit on = maxBatchEvents %d, maxWait %d us; payload %.0f bytes%n",
                orDash(m.sqliteVersion()), orDash(m.postgresVersion()), run.warmup().toSeconds(),
                run.measure().toSeconds(), run.trials(), run.pipeline(), run.groupCommitOn().maxBatchEvents(),
                run.groupCommitOn().maxWait().toNanos() / 1000, run.payloadBytes());
        out.println("store: " + run.storeBuild());
        out.println();
        out.printf("%-11s %8s %6s %10s %17s %8s %8s %8s %9s %7s %14s  %s%n",
                "engine", "sessions", "group", "events/s", "range", "p50 ms", "p99 ms", "max ms", "writes/tx",
                "tx ms", "cpu jvm/pg/oth", "audit");
        for (ScenarioSummary summary : summaries) {
            Scenario s = summary.scenario();
            ScenarioResult r = summary.median();
            out.printf(Locale.ROOT, "%-11s %8d %6s %,10.0f %17s %8.2f %8.2f %8.2f %9.1f %7.2f %14s  %s%n",
                    s.database().id(), s.sessions(), s.groupCommit().id(), r.eventsPerSecond(), range(summary),
                    r.latency().p50(), r.latency().p99(), r.latency().max(), r.batches().writesPerBatch(),
                    r.batches().commitMillis(), cpu(r.cpu()), audit(summary));
        }
        List<Ratio> ratios = Ratio.of(summaries);
        if (!ratios.isEmpty()) {
            out.println();
            out.printf("%-11s %8s %14s %14s %8s%n", "engine", "sessions", "on events/s", "off events/s", "on/off");
            for (Ratio r : ratios) {
                out.printf(Locale.ROOT, "%-11s %8d %,14.0f %,14.0f %7.1fx%n", r.database().id(), r.sessions(),
                        r.onEventsPerSecond(), r.offEventsPerSecond(), r.ratio());
            }
        }
        List<TargetCheck> targets = TargetCheck.of(summaries);
        if (!targets.isEmpty()) {
            out.println();
            for (TargetCheck t : targets) {
                out.printf("%-7s %s: %s%n", t.met() ? "MET" : "MISSED", t.target(), t.measured());
            }
        }
        for (ScenarioSummary summary : summaries) {
            for (ScenarioResult r : summary.trials()) {
                if (!r.valid()) {
                    out.println();
                    out.println("INVALID " + r.scenario().label() + ":");
                    r.failures().stream().limit(10).forEach(f -> out.println("  writer: " + f));
                    r.audit().problems().forEach(p -> out.println("  audit: " + p));
                }
            }
        }
    }

    private static String range(ScenarioSummary s) {
        return s.trials().size() == 1
                ? "-"
                : String.format(Locale.ROOT, "%,.0f-%,.0f", s.minEventsPerSecond(), s.maxEventsPerSecond());
    }

    private static String audit(ScenarioSummary s) {
        if (!s.valid()) {
            return "FAILED";
        }
        long events = s.trials().stream().mapToLong(r -> r.audit().eventsChecked()).sum();
        return String.format(Locale.ROOT, "ok, %,d events", events);
    }

    private static String cpu(CpuUse c) {
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", c.bench(), c.postgres(), c.other());
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
