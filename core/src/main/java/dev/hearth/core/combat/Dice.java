package dev.hearth.core.combat;

import java.util.List;
import java.util.random.RandomGenerator;

/** The only place combat draws random numbers: d20s, one at a time, as {@code nextInt(1, 21)}. */
final class Dice {

    private Dice() {}

    static int d20(RandomGenerator random) {
        return random.nextInt(1, 21);
    }

    /** The d20s of one roll: one, or two for advantage or disadvantage. */
    static List<Integer> d20s(RandomGenerator random, RollMode mode) {
        return switch (mode) {
            case NORMAL -> List.of(d20(random));
            case ADVANTAGE, DISADVANTAGE -> List.of(d20(random), d20(random));
        };
    }

    /** The d20 that counts. */
    static int kept(List<Integer> d20s, RollMode mode) {
        return switch (mode) {
            case NORMAL -> d20s.getFirst();
            case ADVANTAGE -> Math.max(d20s.get(0), d20s.get(1));
            case DISADVANTAGE -> Math.min(d20s.get(0), d20s.get(1));
        };
    }
}
