package dev.hearth.bench.map;

import java.util.Comparator;
import java.util.List;

/**
 * One scenario's figures: every trial's window and every state-cost sample. The command figures
 * quoted are the median trial's (by commands/s), so one slow spell of the machine does not decide them.
 */
record ScenarioResult(MapScenario scenario, SceneSize size, List<ScenarioRun.Window> trials, StateCosts.Samples state) {

    ScenarioResult {
        trials = List.copyOf(trials);
    }

    ScenarioRun.Window median() {
        List<ScenarioRun.Window> sorted = trials.stream()
                .sorted(Comparator.comparingDouble(w -> w.all().perSecond())).toList();
        return sorted.get(sorted.size() / 2);
    }

    double minPerSecond() {
        return trials.stream().mapToDouble(w -> w.all().perSecond()).min().orElse(0);
    }

    double maxPerSecond() {
        return trials.stream().mapToDouble(w -> w.all().perSecond()).max().orElse(0);
    }
}
