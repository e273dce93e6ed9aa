package dev.hearth.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * One load preset: who sits where, what they do, and for how long.
 *
 * @param sessions tables
 * @param perSession people at each table (the first is its GM)
 * @param devices connections per person (the idle scenario opens several per person)
 * @param commandsPerSecond durable commands each person sends per second, at random (Poisson) times
 * @param diceShare the share of those commands that are dice rolls ({@code 1d20+5}, public); the rest are chat lines
 * @param cursorHz pointer moves per second while a person is moving their pointer
 * @param pointerShare the share of people moving their pointer at any time (the first of each table's)
 * @param connectOver spread the connections evenly over this time (a burst); zero: as fast as they go, 32 at once
 * @param warmup traffic before the measurement window
 * @param measure the measurement window
 * @param drops network drops during the traffic, counted from its start
 * @param memorySteps connection counts at which the server's live heap is measured (empty: not measured)
 * @param baseline whether the relay runs it too (it cannot resume, so drops are Hearth's alone)
 */
record Scenario(
        String id,
        String title,
        int sessions,
        int perSession,
        int devices,
        double commandsPerSecond,
        double diceShare,
        double cursorHz,
        double pointerShare,
        Duration connectOver,
        Duration warmup,
        Duration measure,
        List<Drop> drops,
        List<Integer> memorySteps,
        boolean baseline) {

    /** {@code share} of the connections cut at {@code at} for {@code length}, then resumed. */
    record Drop(double share, Duration at, Duration length) {}

    Scenario {
        drops = List.copyOf(drops);
        memorySteps = List.copyOf(memorySteps);
    }

    int connections() {
        return sessions * perSession * devices;
    }

    /** Durable commands per second offered by everyone together. */
    double offeredCommands() {
        return sessions * perSession * commandsPerSecond;
    }

    /** How long traffic runs: warm-up and window, and long enough for every drop to end and resume. */
    Duration trafficLength() {
        Duration traffic = warmup.plus(measure);
        for (Drop d : drops) {
            Duration end = d.at().plus(d.length()).plusSeconds(3);
            if (end.compareTo(traffic) > 0) {
                traffic = end;
            }
        }
        return traffic;
    }

    boolean hasTraffic() {
        return commandsPerSecond > 0 || (cursorHz > 0 && pointerShare > 0);
    }
}
