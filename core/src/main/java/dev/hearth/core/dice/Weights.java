package dev.hearth.core.dice;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * A distribution as whole-number weights over one denominator, {@code P(v) = weight(v) / total};
 * the weights always add up to the total. Cheaper than a fraction per outcome: combining two
 * multiplies integers and adds them, and one gcd at the end keeps the numbers small.
 */
final class Weights {

    private final TreeMap<Long, BigInteger> weights;
    private final BigInteger total;

    private Weights(TreeMap<Long, BigInteger> weights, BigInteger total) {
        this.weights = weights;
        this.total = total;
    }

    static Weights point(long value) {
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        w.put(value, BigInteger.ONE);
        return new Weights(w, BigInteger.ONE);
    }

    static Weights uniform(long lowest, long highest) {
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        for (long v = lowest; v <= highest; v++) {
            w.put(v, BigInteger.ONE);
        }
        return new Weights(w, BigInteger.valueOf(highest - lowest + 1));
    }

    /** From weights that add up to {@code total}, reduced by their common divisor. */
    static Weights of(Map<Long, BigInteger> raw, BigInteger total) {
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        BigInteger gcd = total;
        for (Map.Entry<Long, BigInteger> e : raw.entrySet()) {
            if (e.getValue().signum() > 0) {
                w.put(e.getKey(), e.getValue());
                gcd = gcd.gcd(e.getValue());
            }
        }
        if (!gcd.equals(BigInteger.ONE)) {
            BigInteger d = gcd;
            w.replaceAll((k, v) -> v.divide(d));
            return new Weights(w, total.divide(d));
        }
        return new Weights(w, total);
    }

    SortedMap<Long, BigInteger> weights() {
        return Collections.unmodifiableSortedMap(weights);
    }

    BigInteger total() {
        return total;
    }

    int size() {
        return weights.size();
    }

    boolean contains(long value) {
        return weights.containsKey(value);
    }

    /** The distribution of {@code op(a, b)} for independent {@code a} from this and {@code b} from that. */
    Weights combine(Weights that, LongBinaryOperator op, Budget budget) {
        budget.spend((long) size() * that.size() * Budget.perProduct(total.bitLength() + that.total.bitLength()));
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        for (Map.Entry<Long, BigInteger> a : weights.entrySet()) {
            for (Map.Entry<Long, BigInteger> b : that.weights.entrySet()) {
                w.merge(op.applyAsLong(a.getKey(), b.getKey()), a.getValue().multiply(b.getValue()), BigInteger::add);
            }
        }
        return of(w, total.multiply(that.total));
    }

    /** The sum of {@code count} independent copies, by repeated doubling so big pools stay cheap. */
    Weights sumOf(int count, Budget budget) {
        Weights result = point(0);
        Weights power = this;
        for (int n = count; n > 0; n >>= 1) {
            if ((n & 1) == 1) {
                result = result.combine(power, Math::addExact, budget);
            }
            if (n > 1) {
                power = power.combine(power, Math::addExact, budget);
            }
        }
        return result;
    }

    Weights map(LongUnaryOperator f, Budget budget) {
        budget.spend(size());
        TreeMap<Long, BigInteger> w = new TreeMap<>();
        weights.forEach((k, v) -> w.merge(f.applyAsLong(k), v, BigInteger::add));
        return new Weights(w, total);
    }
}
