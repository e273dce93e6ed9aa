package dev.hearth.bench.store;

import java.util.List;

/**
 * The figures of one scenario.
 *
 * @param measuredEvents events acknowledged inside the measurement window
 * @param seconds the window's measured length
 * @param latency ack latency over the window, all sessions together
 * @param batches the store's transactions over the window
 * @param ackedEvents every event acknowledged in the scenario (warm-up and drain included): what the audit checks
 * @param audit the read-back check of every session's log
 * @param failures writers stopped by an unexpected answer or error
 * @param loadAverage the system's one-minute load average when the scenario started (other work on the machine)
 * @param cpu who used the CPUs during the window
 * @param location where the scratch database lived
 */
record ScenarioResult(
        Scenario scenario,
        long measuredEvents,
        double seconds,
        Latency latency,
        BatchStats batches,
        long ackedEvents,
        LogAudit.Result audit,
        List<String> failures,
        double loadAverage,
        CpuUse cpu,
        String location) {

    /** A scenario that could not run at all (the database could not be opened, say): no figures, one failure. */
    static ScenarioResult failed(Scenario scenario, Exception why, double loadAverage) {
        return new ScenarioResult(scenario, 0, 0, new Latency(0, 0, 0, 0, 0), new BatchStats(0, 0, 0), 0,
                new LogAudit.Result(0, List.of()), List.of("the scenario did not run: " + why), loadAverage,
                CpuUse.UNKNOWN, "-");
    }

    double eventsPerSecond() {
        return seconds <= 0 ? 0 : measuredEvents / seconds;
    }

    /** Figures count only when every writer ran clean and the logs hold exactly what was acknowledged. */
    boolean valid() {
        return failures.isEmpty() && audit.passed();
    }
}
