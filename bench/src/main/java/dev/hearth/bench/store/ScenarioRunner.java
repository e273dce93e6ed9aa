package dev.hearth.bench.store;

import dev.hearth.store.EventStore;
import dev.hearth.store.GroupCommitSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Runs one scenario from an empty database to an audited log: start one virtual thread per session,
 * warm up, measure, stop, close the store (which commits everything accepted), reopen it and audit.
 */
final class ScenarioRunner {

    /** A writer still running this long after the window closed is stuck; the scenario fails instead of hanging. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private final DatabaseSettings databases;
    private final EventPayloads payloads;
    private final Duration warmup;
    private final Duration measure;

    ScenarioRunner(DatabaseSettings databases, EventPayloads payloads, Duration warmup, Duration measure) {
        this.databases = databases;
        this.payloads = payloads;
        this.warmup = warmup;
        this.measure = measure;
    }

    /** Runs the scenario; a failure to set it up is reported as an invalid result, so the rest of the matrix still runs. */
    ScenarioResult run(Scenario scenario) throws InterruptedException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            return runOnScratch(scenario, load);
        } catch (RuntimeException e) {
            e.printStackTrace();
            return ScenarioResult.failed(scenario, e, load);
        }
    }

    private ScenarioResult runOnScratch(Scenario scenario, double load) throws InterruptedException {
        ScratchDatabase db = scenario.database().create(databases);
        // Ctrl-C mid-run must not leave a schema or a file behind.
        Thread cleanup = new Thread(db::close, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return run(scenario, db, load);
        } finally {
            db.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private ScenarioResult run(Scenario scenario, ScratchDatabase db, double load) throws InterruptedException {
        var registry = new SimpleMeterRegistry();
        var window = new MeasurementWindow();
        List<SessionWriter> writers = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        BatchStats batches;
        CpuUse cpu;
        try (EventStore store = db.open(scenario.settings(), registry)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < scenario.sessions(); i++) {
                var writer = new SessionWriter(i, store, payloads, window, scenario.pipeline());
                writers.add(writer);
                threads.add(Thread.ofVirtual().name("bench-session-" + i).start(writer));
            }
            Thread.sleep(warmup);
            BatchStats before = BatchStats.read(registry);
            CpuUse.Sample cpuBefore = CpuUse.Sample.take();
            window.open();
            Thread.sleep(measure);
            window.close();
            cpu = CpuUse.Sample.take().since(cpuBefore);
            batches = BatchStats.read(registry).since(before);
            for (Thread t : threads) {
                if (!t.join(DRAIN_LIMIT)) {
                    failures.add(t.getName() + " did not finish within " + DRAIN_LIMIT.toSeconds()
                            + " s of the window closing");
                }
            }
        }
        List<SessionOutcome> outcomes = writers.stream().map(SessionWriter::outcome).toList();
        outcomes.forEach(o -> o.failure().ifPresent(failures::add));

        LogAudit.Result audit;
        try (EventStore reopened = db.open(GroupCommitSettings.DEFAULT, new SimpleMeterRegistry())) {
            audit = LogAudit.check(reopened, outcomes, payloads);
        }

        Histogram latency = new Histogram(3);
        outcomes.forEach(o -> latency.add(o.latency()));
        long measured = outcomes.stream().mapToLong(SessionOutcome::measuredAcks).sum();
        long acked = outcomes.stream().mapToLong(SessionOutcome::lastAckedSeq).sum();
        return new ScenarioResult(scenario, measured, window.seconds(), Latency.of(latency), batches, acked, audit,
                List.copyOf(failures), load, cpu, db.location());
    }
}
