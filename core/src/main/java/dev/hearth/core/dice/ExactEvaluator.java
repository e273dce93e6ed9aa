package dev.hearth.core.dice;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * The exact distribution of an expression's total, node by node. Every dice term and group is
 * rolled independently of the others, so arithmetic combines their distributions pairwise.
 */
final class ExactEvaluator {

    private final DiceLimits limits;
    private final Budget budget;

    ExactEvaluator(DiceLimits limits) {
        this.limits = limits;
        this.budget = new Budget(limits.maxDistributionWork());
    }

    Weights evaluate(Node node) {
        try {
            return switch (node) {
                case Node.Constant c -> Weights.point(c.value());
                case Node.Negate n -> evaluate(n.operand()).map(Math::negateExact, budget);
                case Node.Binary b -> binary(b);
                case Node.Dice d -> dice(d);
                case Node.Group g -> group(g);
            };
        } catch (ArithmeticException e) {
            throw new Refusal(DiceProblem.OVERFLOW, node.position(),
                    "At position " + node.position() + " some outcome is too large to count.");
        } catch (Refusal r) {
            // A refusal deep in the work names the innermost node it happened in.
            throw r.position >= 0 ? r : new Refusal(r.problem, node.position(), r.getMessage());
        }
    }

    private Weights binary(Node.Binary b) {
        Weights left = evaluate(b.left());
        Weights right = evaluate(b.right());
        if (b.operator().divides() && right.contains(0)) {
            throw new Refusal(DiceProblem.DIVISION_BY_ZERO, b.position(), "At position " + b.position()
                    + " the divisor " + Notation.render(b.right()) + " can be 0, so some rolls fail.");
        }
        return left.combine(right, b.operator()::apply, budget);
    }

    private Weights dice(Node.Dice d) {
        DiceModifiers m = d.modifiers();
        LongUnaryOperator score = m.counting().isPresent() ? m.counting().get()::score : v -> v;
        DieModel die = new DieModel(d, limits.maxChain(), budget);
        if (m.keep().isEmpty()) {
            return die.chain(score).sumOf(d.count(), budget);
        }
        if (m.explode().isPresent() && m.explode().get().kind() != Explode.Kind.COMPOUNDING) {
            throw new Refusal(DiceProblem.TOO_COMPLEX, d.position(), "Keeping or dropping dice after explosions"
                    + " changes how many dice there are; no exact distribution for " + Notation.render(d) + ".");
        }
        // Without added dice each die is one value: its face after rerolls (and compounding), clamped.
        Weights value = die.chain(v -> v);
        return OrderStatistics.keep(value, d.count(), m.keep().get(), score, budget);
    }

    private Weights group(Node.Group g) {
        List<Weights> members = g.members().stream().map(this::evaluate).toList();
        LongUnaryOperator score = g.counting().isPresent() ? g.counting().get()::score : v -> v;
        if (g.keep().isEmpty()) {
            Weights total = Weights.point(0);
            for (Weights member : members) {
                total = total.combine(member.map(score, budget), Math::addExact, budget);
            }
            return total;
        }
        long combinations = 1;
        for (Weights member : members) {
            combinations = Math.multiplyExact(combinations, (long) member.size());
            budget.spend(member.size());
        }
        budget.spend(combinations * members.size());
        // Members differ from each other, so keep/drop goes through every combination of their totals.
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        BigInteger total = BigInteger.ONE;
        for (Weights member : members) {
            total = total.multiply(member.total());
        }
        enumerate(g, members, score, 0, new ArrayList<>(), BigInteger.ONE, w);
        return Weights.of(w, total);
    }

    private void enumerate(Node.Group g, List<Weights> members, LongUnaryOperator score, int i, List<Long> values,
            BigInteger weight, Map<Long, BigInteger> out) {
        if (i == members.size()) {
            boolean[] kept = Pools.kept(values, g.keep().get(), v -> v);
            long sum = 0;
            for (int m = 0; m < kept.length; m++) {
                sum = kept[m] ? Math.addExact(sum, score.applyAsLong(values.get(m))) : sum;
            }
            out.merge(sum, weight, BigInteger::add);
            return;
        }
        for (Map.Entry<Long, BigInteger> e : members.get(i).weights().entrySet()) {
            values.add(e.getKey());
            enumerate(g, members, score, i + 1, values, weight.multiply(e.getValue()), out);
            values.removeLast();
        }
    }

    /** Unwinds to {@link Distribution#of}; never leaves this package. */
    static final class Refusal extends RuntimeException {
        final DiceProblem problem;
        final int position;

        Refusal(DiceProblem problem, int position, String message) {
            super(message, null, false, false);
            this.problem = problem;
            this.position = position;
        }
    }
}
