package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;

/**
 * One die of a roll.
 *
 * @param value what it counts for: its face, less 1 if {@link DieState#PENETRATED}, the sum of
 *     {@code compounded} if compounding, then clamped by min/max
 * @param face what it showed last (for a compounding die, the sum of its faces, before clamping)
 * @param states what happened to it, in a fixed order
 * @param rerolled the faces rerolls replaced, first to last
 * @param compounded for a compounding die, each face in its chain; otherwise empty
 */
public record Die(int value, int face, List<DieState> states, List<Integer> rerolled, List<Integer> compounded) {

    public Die {
        states = List.copyOf(states);
        rerolled = List.copyOf(rerolled);
        compounded = List.copyOf(compounded);
    }

    /** Whether it adds to its term, or counts in it: not dropped. */
    public boolean kept() {
        return !states.contains(DieState.DROPPED);
    }

    Die with(DieState state) {
        List<DieState> more = new ArrayList<>(states);
        more.add(state);
        return new Die(value, face, more, rerolled, compounded);
    }

    /** Compact text: {@code 6!} exploded, {@code 4r1} rerolled from 1, {@code 2c1} clamped from 1, {@code *} success, {@code f} failure, {@code ~1~} dropped. */
    String render() {
        StringBuilder out = new StringBuilder().append(value);
        states.forEach(s -> {
            switch (s) {
                case EXPLODED -> out.append('!');
                case COMPOUNDED -> out.append("!!");
                case CLAMPED -> out.append('c').append(face);
                case SUCCESS -> out.append('*');
                case FAILURE -> out.append('f');
                case KEPT, DROPPED, ADDED, PENETRATED, REROLLED -> { }
            }
        });
        rerolled.forEach(r -> out.append('r').append(r));
        return kept() ? out.toString() : "~" + out + "~";
    }
}
