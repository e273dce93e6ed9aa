package dev.hearth.bench.store;

import java.util.Comparator;
import java.util.List;

/**
 * All trials of one scenario. On a small shared machine one trial can be off by a fair margin (a
 * checkpoint, another process's I/O), so the figures quoted are those of the median trial, with
 * the spread beside them.
 */
record ScenarioSummary(Scenario scenario, List<ScenarioResult> trials) {

    ScenarioSummary {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a scenario summary needs at least one trial");
        }
        trials = List.copyOf(trials);
    }

    /** The trial with the median events/s (the lower middle one for an even count). */
    ScenarioResult median() {
        List<ScenarioResult> sorted = trials.stream()
                .sorted(Comparator.comparingDouble(ScenarioResult::eventsPerSecond))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    double minEventsPerSecond() {
        return trials.stream().mapToDouble(ScenarioResult::eventsPerSecond).min().orElseThrow();
    }

    double maxEventsPerSecond() {
        return trials.stream().mapToDouble(ScenarioResult::eventsPerSecond).max().orElseThrow();
    }

    /** A scenario counts only if every trial ran clean and audited exact. */
    boolean valid() {
        return trials.stream().allMatch(ScenarioResult::valid);
    }

    double eventsPerSecond() {
        return median().eventsPerSecond();
    }
}
