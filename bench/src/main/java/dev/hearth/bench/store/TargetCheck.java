package dev.hearth.bench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The store's performance targets (issue 3, on the project's 2-core machines), checked against a
 * run. A target whose scenarios did not run is left out; one whose run was invalid is missed.
 *
 * @param target what was promised
 * @param measured what this run measured
 */
record TargetCheck(String target, String measured, boolean met) {

    private static final int SESSIONS = 100;
    private static final double SQLITE_EVENTS_PER_SECOND = 50_000;
    private static final double POSTGRESQL_EVENTS_PER_SECOND = 20_000;
    private static final double GROUP_COMMIT_RATIO = 10;

    static List<TargetCheck> of(List<ScenarioSummary> results) {
        List<TargetCheck> checks = new ArrayList<>();
        throughput(results, Database.SQLITE, SQLITE_EVENTS_PER_SECOND, checks);
        throughput(results, Database.POSTGRESQL, POSTGRESQL_EVENTS_PER_SECOND, checks);
        for (Database db : Database.values()) {
            Ratio.of(results).stream()
                    .filter(r -> r.database() == db && r.sessions() == SESSIONS)
                    .findFirst()
                    .ifPresent(r -> checks.add(new TargetCheck(
                            db.id() + ", " + SESSIONS + " sessions: group commit >= " + (int) GROUP_COMMIT_RATIO
                                    + "x the unbatched baseline",
                            String.format(Locale.ROOT, "%.1fx", r.ratio()), r.ratio() >= GROUP_COMMIT_RATIO)));
        }
        return checks;
    }

    private static void throughput(List<ScenarioSummary> results, Database db, double target, List<TargetCheck> checks) {
        Ratio.find(results, db, SESSIONS, GroupCommit.ON).ifPresent(r -> checks.add(new TargetCheck(
                String.format(Locale.ROOT, "%s, %d sessions, group commit on: >= %,.0f durable events/s",
                        db.id(), SESSIONS, target),
                r.valid()
                        ? String.format(Locale.ROOT, "%,.0f events/s", r.eventsPerSecond())
                        : "invalid run",
                r.valid() && r.eventsPerSecond() >= target)));
    }
}
