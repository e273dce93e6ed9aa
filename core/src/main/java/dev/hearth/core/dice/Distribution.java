package dev.hearth.core.dice;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exact probability of every total of an expression ("chance to hit DC 15" is
 * {@code atLeast(15)}), for one roll of it: repeats and the label do not change it.
 *
 * <p>Rerolls and explosions stop after {@link DiceLimits#maxChain} with the last face standing, in
 * the roller and here alike, so the probabilities are exact for what the roller does; the mass of
 * longer chains is not dropped but sits where the chain stops. The one thing not modelled is a roll
 * failing for passing {@link DiceLimits#maxDice} through explosions. Refused, as
 * {@link Result.Refused}: keep/drop after plain or penetrating explosions (the pool's size varies),
 * a divisor that can be 0, and anything past {@link DiceLimits#maxDistributionWork}.
 */
public final class Distribution {

    private final SortedMap<Long, Rational> probabilities;
    private final Rational mean;

    private Distribution(Weights weights) {
        TreeMap<Long, Rational> p = new TreeMap<>();
        BigInteger weightedSum = BigInteger.ZERO;
        for (Map.Entry<Long, BigInteger> e : weights.weights().entrySet()) {
            p.put(e.getKey(), new Rational(e.getValue(), weights.total()));
            weightedSum = weightedSum.add(e.getValue().multiply(BigInteger.valueOf(e.getKey())));
        }
        this.probabilities = Collections.unmodifiableSortedMap(p);
        this.mean = new Rational(weightedSum, weights.total());
    }

    /** What {@link #of} found. */
    public sealed interface Result {

        record Exact(Distribution distribution) implements Result {
            public Exact {
                Objects.requireNonNull(distribution, "distribution");
            }
        }

        /** @param position 0-based index into the notation of the part that could not be done */
        record Refused(DiceProblem problem, int position, String message) implements Result {
            public Refused {
                Objects.requireNonNull(problem, "problem");
                Objects.requireNonNull(message, "message");
            }
        }
    }

    public static Result of(Expression expression) {
        return of(expression, DiceLimits.DEFAULT);
    }

    /** With the limits the roller uses, so both stop chains at the same {@link DiceLimits#maxChain}. */
    public static Result of(Expression expression, DiceLimits limits) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(limits, "limits");
        try {
            return new Result.Exact(new Distribution(new ExactEvaluator(limits).evaluate(expression.root())));
        } catch (ExactEvaluator.Refusal r) {
            return new Result.Refused(r.problem, Math.max(0, r.position), r.getMessage());
        }
    }

    /** Each possible total and its probability, lowest total first; totals that cannot happen are absent. */
    public SortedMap<Long, Rational> probabilities() {
        return probabilities;
    }

    public Rational exactly(long total) {
        return probabilities.getOrDefault(total, Rational.ZERO);
    }

    public Rational atLeast(long total) {
        return sum(probabilities.tailMap(total));
    }

    public Rational atMost(long total) {
        return total == Long.MAX_VALUE ? Rational.ONE : sum(probabilities.headMap(total + 1));
    }

    public Rational mean() {
        return mean;
    }

    public long min() {
        return probabilities.firstKey();
    }

    public long max() {
        return probabilities.lastKey();
    }

    private static Rational sum(SortedMap<Long, Rational> part) {
        Rational sum = Rational.ZERO;
        for (Rational p : part.values()) {
            sum = sum.add(p);
        }
        return sum;
    }
}
