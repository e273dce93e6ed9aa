package dev.hearth.core.dice;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * Keep/drop over {@code n} independent dice, exactly, without enumerating the {@code sides^n} rolls.
 * Going through the values from the first kept (highest for kh/dl, lowest for kl/dh), a state is
 * how many dice are placed so far and the score of the kept ones; choosing that {@code c} dice show
 * the next value multiplies by {@code C(remaining, c) * p^c}, which sums to the multinomial
 * probability of each sorted roll. The first {@code kept} placed dice are the kept ones.
 */
final class OrderStatistics {

    private OrderStatistics() {}

    static Weights keep(Weights die, int n, Keep keep, LongUnaryOperator score, Budget budget) {
        int kept = keep.kept(n);
        List<Map.Entry<Long, BigInteger>> values = new ArrayList<>(die.weights().entrySet());
        if (keep.fromHighest()) {
            values = values.reversed();
        }
        List<TreeMap<Long, BigInteger>> states = new ArrayList<>();
        for (int p = 0; p <= n; p++) {
            states.add(new TreeMap<>());
        }
        states.get(0).put(0L, BigInteger.ONE);
        BigInteger[][] binomial = binomials(n);
        for (Map.Entry<Long, BigInteger> value : values) {
            BigInteger[] powers = new BigInteger[n + 1];
            powers[0] = BigInteger.ONE;
            for (int c = 1; c <= n; c++) {
                powers[c] = powers[c - 1].multiply(value.getValue());
            }
            long each = score.applyAsLong(value.getKey());
            List<TreeMap<Long, BigInteger>> next = new ArrayList<>();
            for (int p = 0; p <= n; p++) {
                next.add(new TreeMap<>());
            }
            for (int p = 0; p <= n; p++) {
                TreeMap<Long, BigInteger> state = states.get(p);
                budget.spend((long) state.size() * (n - p + 1) * Budget.perProduct((long) die.total().bitLength() * n));
                for (Map.Entry<Long, BigInteger> s : state.entrySet()) {
                    for (int c = 0; c <= n - p; c++) {
                        long keptHere = Math.max(0, Math.min(c, kept - p));
                        BigInteger w = s.getValue().multiply(binomial[n - p][c]).multiply(powers[c]);
                        next.get(p + c).merge(Math.addExact(s.getKey(), Math.multiplyExact(keptHere, each)), w, BigInteger::add);
                    }
                }
            }
            states = next;
        }
        return Weights.of(states.get(n), die.total().pow(n));
    }

    private static BigInteger[][] binomials(int n) {
        BigInteger[][] c = new BigInteger[n + 1][];
        for (int i = 0; i <= n; i++) {
            c[i] = new BigInteger[i + 1];
            c[i][0] = BigInteger.ONE;
            c[i][i] = BigInteger.ONE;
            for (int j = 1; j < i; j++) {
                c[i][j] = c[i - 1][j - 1].add(c[i - 1][j]);
            }
        }
        return c;
    }
}
