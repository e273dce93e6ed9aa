package dev.hearth.core.dice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** Dice that show the faces a test names, in order: {@code nextInt(bound)} is all the roller asks of its generator. */
final class Scripted implements RandomGenerator {

    private final Deque<Integer> faces = new ArrayDeque<>();
    private final int lowest;

    /** Faces of dice numbered from 1. */
    Scripted(int... faces) {
        this(faces, 1);
    }

    /** Faces of Fudge dice, -1 to 1. */
    static Scripted fudge(int... faces) {
        return new Scripted(faces, -1);
    }

    private Scripted(int[] faces, int lowest) {
        this.lowest = lowest;
        for (int f : faces) {
            this.faces.add(f);
        }
    }

    @Override
    public int nextInt(int bound) {
        int face = faces.removeFirst();
        if (face - lowest < 0 || face - lowest >= bound) {
            throw new AssertionError("face " + face + " does not fit a die of " + bound + " faces");
        }
        return face - lowest;
    }

    @Override
    public long nextLong() {
        throw new AssertionError("the roller draws dice with nextInt(bound) only");
    }
}
