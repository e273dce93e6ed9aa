package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;

/**
 * One sub-expression of a group as rolled.
 *
 * @param notation its canonical notation
 * @param value its total
 * @param states {@link DieState#KEPT}, {@link DieState#DROPPED}, {@link DieState#SUCCESS}, {@link DieState#FAILURE} as they apply
 */
public record Member(String notation, long value, List<DieState> states) {

    public Member {
        states = List.copyOf(states);
    }

    public boolean kept() {
        return !states.contains(DieState.DROPPED);
    }

    Member with(DieState state) {
        List<DieState> more = new ArrayList<>(states);
        more.add(state);
        return new Member(notation, value, more);
    }
}
