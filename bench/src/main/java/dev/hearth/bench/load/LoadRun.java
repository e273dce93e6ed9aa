package dev.hearth.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets' lives around the scenarios: both servers start once, Hearth's tables are made
 * before anything is measured, and each scenario runs on the relay and then on Hearth, so the two
 * meet the same machine at nearly the same time.
 */
final class LoadRun {

    /** After a scenario with many people, let Hearth record their departures (15 s after the last connection goes). */
    private static final long SETTLE_AFTER_MILLIS = 16_000;

    private final Path dir;
    private final List<String> serverJvm;
    private final List<String> hearthSettings;

    LoadRun(Path dir, List<String> serverJvm, List<String> hearthSettings) {
        this.dir = dir;
        this.serverJvm = serverJvm;
        this.hearthSettings = hearthSettings;
    }

    List<ScenarioResult> run(List<Scenario> scenarios, boolean hearth, boolean relay) throws Exception {
        long origin = System.nanoTime();
        List<ScenarioResult> results = new ArrayList<>();
        int sessions = scenarios.stream().mapToInt(Scenario::sessions).max().orElse(0);
        int perSession = scenarios.stream().mapToInt(Scenario::perSession).max().orElse(1);
        try (RelayTarget relayTarget = relay ? RelayTarget.start(dir, serverJvm) : null;
                HearthTarget hearthTarget = hearth ? HearthTarget.start(dir, serverJvm, hearthSettings, perSession) : null) {
            if (hearthTarget != null) {
                hearthTarget.seats(sessions, perSession);
            }
            for (Scenario s : scenarios) {
                if (relayTarget != null && s.baseline()) {
                    results.add(runOne(s, relayTarget, origin));
                }
                if (hearthTarget != null) {
                    results.add(runOne(s, hearthTarget, origin));
                    if (s.connections() >= 200) {
                        Thread.sleep(SETTLE_AFTER_MILLIS);
                    }
                }
            }
        }
        return results;
    }

    private static ScenarioResult runOne(Scenario s, Target target, long origin) throws Exception {
        System.err.printf("load: %-10s %-6s %s%n", s.id(), target.name(), s.title());
        ScenarioResult r = new ScenarioRun(s, target, origin).run();
        System.err.printf("load: %-10s %-6s %,.0f acks/s, %,.0f deliveries/s, delivery p99 %.1f ms, errors %d%n",
                s.id(), target.name(), r.acksPerSecond(), r.deliveriesPerSecond(), r.delivery().p99(), r.errorCount());
        return r;
    }
}
