package dev.hearth.core.combat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** Dice that roll what a test says, in order; anything else a test did not script fails it. */
final class ScriptedDice implements RandomGenerator {

    private final Deque<Integer> values = new ArrayDeque<>();

    ScriptedDice(int... values) {
        for (int v : values) {
            this.values.add(v);
        }
    }

    @Override
    public int nextInt(int origin, int bound) {
        if (values.isEmpty()) {
            throw new AssertionError("a die was rolled that the test did not script");
        }
        int v = values.removeFirst();
        if (v < origin || v >= bound) {
            throw new AssertionError("scripted " + v + " is not in [" + origin + ", " + bound + ")");
        }
        return v;
    }

    @Override
    public long nextLong() {
        throw new AssertionError("combat draws dice only with nextInt(1, 21)");
    }

    boolean exhausted() {
        return values.isEmpty();
    }
}
