package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One die of a pool as written, rolled with its rerolls and explosions into one or more
 * {@link Die}s. Both stop after {@link DiceLimits#maxChain} times and the last face stands, which is
 * exactly what {@link Distribution} assumes.
 */
final class DieChain {

    private final Node.Dice dice;
    private final ToIntFunction<Node.Dice> thrower;

    DieChain(Node.Dice dice, ToIntFunction<Node.Dice> thrower) {
        this.dice = dice;
        this.thrower = thrower;
    }

    /** A face after its rerolls, and the faces they replaced. */
    private record Face(int face, List<Integer> rerolled) {}

    void roll(int maxChain, List<Die> out) {
        DiceModifiers m = dice.modifiers();
        if (m.explode().isPresent() && m.explode().get().kind() == Explode.Kind.COMPOUNDING) {
            compound(m, maxChain, out);
            return;
        }
        boolean added = false;
        for (int explosions = 0; ; explosions++) {
            Face f = face(maxChain);
            boolean penetrated = added && m.explode().get().kind() == Explode.Kind.PENETRATING;
            int counted = penetrated ? f.face - 1 : f.face;
            int value = (int) m.clamp(counted);
            boolean explodes = explosions < maxChain && m.explode().isPresent() && m.explode().get().when().matches(f.face);
            List<DieState> states = new ArrayList<>();
            mark(states, added, DieState.ADDED);
            mark(states, penetrated, DieState.PENETRATED);
            mark(states, !f.rerolled.isEmpty(), DieState.REROLLED);
            mark(states, value != counted, DieState.CLAMPED);
            mark(states, explodes, DieState.EXPLODED);
            out.add(new Die(value, f.face, states, f.rerolled, List.of()));
            if (!explodes) {
                return;
            }
            added = true;
        }
    }

    private void compound(DiceModifiers m, int maxChain, List<Die> out) {
        List<Integer> faces = new ArrayList<>();
        List<Integer> rerolled = new ArrayList<>();
        int sum = 0;
        for (int explosions = 0; ; explosions++) {
            Face f = face(maxChain);
            faces.add(f.face);
            rerolled.addAll(f.rerolled);
            sum += f.face;
            if (explosions >= maxChain || !m.explode().get().when().matches(f.face)) {
                break;
            }
        }
        int value = (int) m.clamp(sum);
        List<DieState> states = new ArrayList<>();
        mark(states, faces.size() > 1, DieState.COMPOUNDED);
        mark(states, !rerolled.isEmpty(), DieState.REROLLED);
        mark(states, value != sum, DieState.CLAMPED);
        out.add(new Die(value, sum, states, rerolled, faces.size() > 1 ? faces : List.of()));
    }

    private Face face(int maxChain) {
        int face = thrower.applyAsInt(dice);
        List<Integer> rerolled = new ArrayList<>();
        if (dice.modifiers().reroll().isPresent()) {
            Reroll reroll = dice.modifiers().reroll().get();
            int most = reroll.once() ? 1 : maxChain;
            while (rerolled.size() < most && reroll.when().matches(face)) {
                rerolled.add(face);
                face = thrower.applyAsInt(dice);
            }
        }
        return new Face(face, rerolled);
    }

    private static void mark(List<DieState> states, boolean when, DieState state) {
        if (when) {
            states.add(state);
        }
    }
}
