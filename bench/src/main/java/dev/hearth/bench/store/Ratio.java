package dev.hearth.bench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Group commit against the unbatched baseline, for one engine and session count, from the same run (median trials). */
record Ratio(Database database, int sessions, double onEventsPerSecond, double offEventsPerSecond) {

    double ratio() {
        return offEventsPerSecond == 0 ? 0 : onEventsPerSecond / offEventsPerSecond;
    }

    /** One ratio for each engine and session count that ran, validly, in both modes. */
    static List<Ratio> of(List<ScenarioSummary> results) {
        List<Ratio> ratios = new ArrayList<>();
        for (ScenarioSummary on : results) {
            Scenario s = on.scenario();
            if (s.groupCommit() != GroupCommit.ON || !on.valid()) {
                continue;
            }
            find(results, s.database(), s.sessions(), GroupCommit.OFF)
                    .filter(ScenarioSummary::valid)
                    .ifPresent(off -> ratios.add(
                            new Ratio(s.database(), s.sessions(), on.eventsPerSecond(), off.eventsPerSecond())));
        }
        return ratios;
    }

    static Optional<ScenarioSummary> find(List<ScenarioSummary> results, Database db, int sessions, GroupCommit mode) {
        return results.stream()
                .filter(r -> r.scenario().database() == db && r.scenario().sessions() == sessions
                        && r.scenario().groupCommit() == mode)
                .findFirst();
    }
}
