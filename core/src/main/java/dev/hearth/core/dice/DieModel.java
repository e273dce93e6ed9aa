package dev.hearth.core.dice;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * The exact distribution of one die as written, with its rerolls, explosions and clamps: what
 * {@link DieChain} rolls. Chains stop after {@link DiceLimits#maxChain} rerolls or explosions with
 * the last face standing, as the roller does, so no probability is lost or guessed: the tiny mass
 * of longer chains sits on the outcome where the roller stops too.
 */
final class DieModel {

    private final Node.Dice dice;
    private final int maxChain;
    private final Budget budget;

    DieModel(Node.Dice dice, int maxChain, Budget budget) {
        this.dice = dice;
        this.maxChain = maxChain;
        this.budget = budget;
    }

    /** A natural face after rerolls. */
    Weights face() {
        DieType type = dice.type();
        Weights faces = Weights.uniform(type.lowest(), type.highest());
        if (dice.modifiers().reroll().isEmpty()) {
            return faces;
        }
        Reroll reroll = dice.modifiers().reroll().get();
        // With k rerolls left: a face that does not reroll stands; one that does is replaced by a die with k-1 left.
        Weights left = faces;
        for (int k = 1; k <= (reroll.once() ? 1 : maxChain); k++) {
            Weights replacement = left;
            left = branch(faces, f -> f, reroll.when()::matches, replacement);
        }
        return left;
    }

    /** What one die as written adds to its pool: without explosions its value, with them its whole chain's, scored. */
    Weights chain(LongUnaryOperator score) {
        DiceModifiers m = dice.modifiers();
        Weights face = face();
        if (m.explode().isEmpty()) {
            return face.map(f -> score.applyAsLong(m.clamp(f)), budget);
        }
        Explode explode = m.explode().get();
        return switch (explode.kind()) {
            case COMPOUNDING -> {
                Weights sum = face;
                for (int k = 1; k <= maxChain; k++) {
                    Weights rest = sum;
                    sum = branch(face, f -> f, explode.when()::matches, rest, true);
                }
                yield sum.map(s -> score.applyAsLong(m.clamp(s)), budget);
            }
            case PLAIN, PENETRATING -> {
                long less = explode.kind() == Explode.Kind.PENETRATING ? 1 : 0;
                LongUnaryOperator added = f -> score.applyAsLong(m.clamp(f - less));
                Weights rest = face.map(added, budget);
                for (int k = 1; k < maxChain; k++) {
                    Weights next = rest;
                    rest = branch(face, added, explode.when()::matches, next, true);
                }
                yield maxChain == 0 ? face.map(f -> score.applyAsLong(m.clamp(f)), budget)
                        : branch(face, f -> score.applyAsLong(m.clamp(f)), explode.when()::matches, rest, true);
            }
        };
    }

    private Weights branch(Weights faces, LongUnaryOperator value, LongPredicate goesOn, Weights then) {
        return branch(faces, value, goesOn, then, false);
    }

    /**
     * For each face: where {@code goesOn} holds, {@code then} (plus the face's value when
     * {@code adds}); elsewhere the face's value alone.
     */
    private Weights branch(Weights faces, LongUnaryOperator value, LongPredicate goesOn, Weights then,
            boolean adds) {
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        for (Map.Entry<Long, BigInteger> f : faces.weights().entrySet()) {
            long v = value.applyAsLong(f.getKey());
            if (goesOn.test(f.getKey())) {
                budget.spend(then.size() * Budget.perProduct(faces.total().bitLength() + then.total().bitLength()));
                for (Map.Entry<Long, BigInteger> t : then.weights().entrySet()) {
                    w.merge(adds ? Math.addExact(v, t.getKey()) : t.getKey(), f.getValue().multiply(t.getValue()), BigInteger::add);
                }
            } else {
                budget.spend(1);
                w.merge(v, f.getValue().multiply(then.total()), BigInteger::add);
            }
        }
        return Weights.of(w, faces.total().multiply(then.total()));
    }
}
