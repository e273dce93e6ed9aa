package dev.hearth.core.dice;

import static dev.hearth.core.dice.Dice.distribution;
import static dev.hearth.core.dice.Dice.parse;
import static dev.hearth.core.dice.Dice.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact distributions against values worked out by hand, or by brute force over every roll. */
class DistributionTest {

    static Distribution withLimits(String text, DiceLimits limits) {
        Distribution.Result result = Distribution.of(parse(text), limits);
        assertThat(result).isInstanceOf(Distribution.Result.Exact.class);
        return ((Distribution.Result.Exact) result).distribution();
    }

    static DiceLimits chain(int maxChain) {
        DiceLimits d = DiceLimits.DEFAULT;
        return new DiceLimits(d.maxLength(), d.maxDice(), d.maxSides(), maxChain, d.maxRepeats(), d.maxInlineRolls(),
                d.maxDistributionWork());
    }

    static Distribution.Result.Refused refused(String text) {
        Distribution.Result result = Distribution.of(parse(text));
        assertThat(result).isInstanceOf(Distribution.Result.Refused.class);
        return (Distribution.Result.Refused) result;
    }

    @Test
    void two_d6() {
        Distribution d = distribution("2d6");
        assertThat(d.exactly(7)).isEqualTo(r(6, 36));
        assertThat(d.exactly(2)).isEqualTo(r(1, 36));
        assertThat(d.exactly(13)).isEqualTo(Rational.ZERO);
        assertThat(d.mean()).isEqualTo(Rational.of(7));
        assertThat(d.min()).isEqualTo(2);
        assertThat(d.max()).isEqualTo(12);
        assertThat(d.atLeast(10)).isEqualTo(r(6, 36));
        assertThat(d.atMost(4)).isEqualTo(r(6, 36));
        assertThat(d.atLeast(2)).isEqualTo(Rational.ONE);
        assertThat(d.probabilities()).hasSize(11).isUnmodifiable();
        assertThat(d.exactly(7).toDouble()).isCloseTo(1.0 / 6, within(1e-15));
    }

    @Test
    void four_d6_drop_lowest() {
        Distribution d = distribution("4d6dl1");
        assertThat(d.mean()).isEqualTo(r(15869, 1296));
        assertThat(d.exactly(18)).isEqualTo(r(21, 1296)); // 6666 (1), 666x with x<6 in 4 places (5*4=20)
        assertThat(d.exactly(3)).isEqualTo(r(1, 1296));
        assertThat(distribution("4d6kh3").probabilities()).isEqualTo(d.probabilities());
    }

    @Test
    void advantage_and_disadvantage() {
        assertThat(distribution("2d20kh1").atLeast(15)).isEqualTo(r(51, 100));
        assertThat(distribution("adv").atLeast(15)).isEqualTo(r(51, 100));
        assertThat(distribution("adv+5").atLeast(20)).isEqualTo(r(51, 100));
        assertThat(distribution("dis").atLeast(15)).isEqualTo(r(9, 100));
        assertThat(distribution("2d20kl1").exactly(1)).isEqualTo(r(39, 400));
        assertThat(distribution("1d20").atLeast(15)).isEqualTo(r(6, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5d6kh3", "5d6kl2", "4d4dl1", "4d4dh2", "5d6kh3>4", "4d6dl1>=5f1", "3d8kh1", "6d3k4",
        "4dFkh2", "5d4min2kh2", "3d6max4kl1"})
    void keep_and_drop_match_every_roll_counted_by_hand(String text) {
        assertThat(distribution(text).probabilities()).isEqualTo(bruteForce((Node.Dice) parse(text).root()));
    }

    /** Every roll of the pool, equally likely, kept and scored as the roller does. */
    static Map<Long, Rational> bruteForce(Node.Dice d) {
        DieType type = d.type();
        int faces = type.highest() - type.lowest() + 1;
        Map<Long, Long> counts = new HashMap<>();
        long rolls = BigInteger.valueOf(faces).pow(d.count()).longValueExact();
        for (long code = 0; code < rolls; code++) {
            List<Long> values = new ArrayList<>();
            long c = code;
            for (int i = 0; i < d.count(); i++) {
                values.add(d.modifiers().clamp(type.lowest() + c % faces));
                c /= faces;
            }
            boolean[] kept = Pools.kept(values, d.modifiers().keep().get(), v -> v);
            long total = 0;
            for (int i = 0; i < values.size(); i++) {
                long v = values.get(i);
                total += kept[i] ? d.modifiers().counting().map(k -> k.score(v)).orElse(v) : 0;
            }
            counts.merge(total, 1L, Long::sum);
        }
        Map<Long, Rational> p = new HashMap<>();
        counts.forEach((total, n) -> p.put(total, Rational.of(n, rolls)));
        return p;
    }

    @Test
    void fudge_dice() {
        Distribution one = distribution("dF");
        assertThat(one.probabilities()).containsExactly(Map.entry(-1L, r(1, 3)), Map.entry(0L, r(1, 3)), Map.entry(1L, r(1, 3)));
        Distribution four = distribution("4dF");
        assertThat(four.exactly(0)).isEqualTo(r(19, 81));
        assertThat(four.exactly(4)).isEqualTo(r(1, 81));
        assertThat(four.mean()).isEqualTo(Rational.ZERO);
    }

    @Test
    void exploding_d6_to_a_depth_of_two() {
        Distribution d = withLimits("1d6!", chain(2));
        for (long v = 1; v <= 5; v++) {
            assertThat(d.exactly(v)).isEqualTo(r(1, 6));
            assertThat(d.exactly(6 + v)).isEqualTo(r(1, 36));
            assertThat(d.exactly(12 + v)).isEqualTo(r(1, 216));
        }
        // The third die may not explode: its 6 stands, and the mass of longer chains with it.
        assertThat(d.exactly(18)).isEqualTo(r(1, 216));
        assertThat(d.exactly(6)).isEqualTo(Rational.ZERO);
        assertThat(d.exactly(12)).isEqualTo(Rational.ZERO);
        assertThat(d.atLeast(Long.MIN_VALUE)).isEqualTo(Rational.ONE);
    }

    @Test
    void exploding_d6_to_the_default_depth_has_the_mean_of_an_endless_one_to_many_places() {
        Distribution d = distribution("1d6!");
        assertThat(d.mean().toDouble()).isCloseTo(4.2, within(1e-12));
        assertThat(d.atLeast(Long.MIN_VALUE)).isEqualTo(Rational.ONE);
        assertThat(d.max()).isEqualTo(606);
    }

    @Test
    void compounding_and_penetrating_with_one_explosion() {
        Distribution compound = withLimits("1d6!!", chain(1));
        assertThat(compound.exactly(5)).isEqualTo(r(1, 6));
        assertThat(compound.exactly(6)).isEqualTo(Rational.ZERO);
        assertThat(compound.exactly(12)).isEqualTo(r(1, 36));
        Distribution penetrating = withLimits("1d6!p", chain(1));
        assertThat(penetrating.exactly(6)).isEqualTo(r(1, 36));
        assertThat(penetrating.exactly(5)).isEqualTo(r(1, 6));
        assertThat(penetrating.max()).isEqualTo(11);
        Distribution explodeHigh = withLimits("1d6!>4", chain(1));
        assertThat(explodeHigh.exactly(4)).isEqualTo(r(1, 6));
        assertThat(explodeHigh.exactly(6)).isEqualTo(r(1, 36)); // 5 then 1
        assertThat(explodeHigh.exactly(12)).isEqualTo(r(1, 36)); // 6 then 6, which may not explode again
    }

    @Test
    void compounding_keeps_one_value_per_die_so_keep_drop_is_exact() {
        Distribution d = withLimits("2d6!!kh1", chain(1));
        // The higher of two compounding dice is 12 when either is 6-6 (1/36 each).
        assertThat(d.exactly(12)).isEqualTo(r(1, 36).add(r(1, 36)).subtract(r(1, 1296)));
    }

    @Test
    void rerolls() {
        Distribution once = distribution("1d6ro");
        assertThat(once.exactly(1)).isEqualTo(r(1, 36));
        assertThat(once.exactly(2)).isEqualTo(r(7, 36));
        assertThat(once.mean()).isEqualTo(r(141, 36));
        Distribution again = distribution("1d6r");
        BigInteger six101 = BigInteger.valueOf(6).pow(101);
        assertThat(again.exactly(1)).isEqualTo(new Rational(BigInteger.ONE, six101));
        assertThat(again.exactly(2)).isEqualTo(new Rational(six101.subtract(BigInteger.ONE), six101.multiply(BigInteger.valueOf(5))));
        assertThat(withLimits("1d6r<3", chain(1)).exactly(1)).isEqualTo(r(2, 36));
        assertThat(withLimits("1d6r<3", chain(1)).exactly(3)).isEqualTo(r(1, 6).add(r(2, 36)));
    }

    @Test
    void clamps() {
        assertThat(distribution("1d20max19").exactly(19)).isEqualTo(r(1, 10));
        assertThat(distribution("1d20max19").max()).isEqualTo(19);
        assertThat(distribution("4d6min2").mean()).isEqualTo(r(44, 3));
    }

    @Test
    void success_counting() {
        Distribution d = distribution("3d6>4");
        assertThat(d.exactly(0)).isEqualTo(r(8, 27));
        assertThat(d.exactly(3)).isEqualTo(r(1, 27));
        assertThat(d.mean()).isEqualTo(Rational.ONE);
        Distribution withFailures = distribution("1d6>4f1");
        assertThat(withFailures.exactly(1)).isEqualTo(r(1, 3));
        assertThat(withFailures.exactly(-1)).isEqualTo(r(1, 6));
        assertThat(withFailures.exactly(0)).isEqualTo(r(1, 2));
        assertThat(distribution("2d10>=8").exactly(2)).isEqualTo(r(9, 100));
        assertThat(distribution("4dF=1").mean()).isEqualTo(r(4, 3));
    }

    @Test
    void groups() {
        assertThat(distribution("{1d6, 1d6}kh1").exactly(6)).isEqualTo(r(11, 36));
        assertThat(distribution("{1d4, 1d6}kh1").exactly(4)).isEqualTo(r(7, 24));
        assertThat(distribution("{1d4, 1d6}kh1").exactly(6)).isEqualTo(r(1, 6));
        Distribution counted = distribution("{1d6, 1d6+1}>5");
        assertThat(counted.exactly(2)).isEqualTo(r(1, 18));
        assertThat(counted.exactly(0)).isEqualTo(r(5, 9));
        assertThat(distribution("{1d6, 2}").probabilities()).isEqualTo(distribution("1d6+2").probabilities());
        assertThat(distribution("{2d6, 1d12}kh1>8").exactly(1))
                .isEqualTo(Rational.ONE.subtract(r(26, 36).multiply(r(8, 12))));
    }

    @Test
    void arithmetic_of_independent_terms() {
        Distribution product = distribution("1d6*1d6");
        assertThat(product.exactly(36)).isEqualTo(r(1, 36));
        assertThat(product.exactly(6)).isEqualTo(r(4, 36));
        assertThat(distribution("1d6/2").exactly(1)).isEqualTo(r(1, 3));
        assertThat(distribution("-1d6/2").exactly(0)).isEqualTo(r(1, 6));
        assertThat(distribution("floor(-1d6/2)").exactly(-1)).isEqualTo(r(1, 3));
        assertThat(distribution("floor(-1d6/2)").exactly(0)).isEqualTo(Rational.ZERO);
        Distribution rounded = distribution("round(1d6/4)");
        assertThat(rounded.exactly(0)).isEqualTo(r(1, 6));
        assertThat(rounded.exactly(1)).isEqualTo(r(2, 3));
        assertThat(rounded.exactly(2)).isEqualTo(r(1, 6));
        assertThat(distribution("ceil(1d6/3)").exactly(2)).isEqualTo(r(1, 2));
        assertThat(distribution("1d4-1d4").mean()).isEqualTo(Rational.ZERO);
        assertThat(distribution("2*1d6").exactly(7)).isEqualTo(Rational.ZERO);
        assertThat(distribution("1d20+5").atLeast(15)).isEqualTo(r(11, 20));
    }

    @Test
    void repeats_and_labels_do_not_change_one_roll() {
        assertThat(distribution("3 x 2d6 # test").probabilities()).isEqualTo(distribution("2d6").probabilities());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10d6kh3", "2d6!", "1d20ro1", "4d6>4!", "{3d6, 3d6, 3d6}>10", "20d10>=8f1", "2d6!!kh1", "4d6r"})
    void everyday_expressions_stay_within_the_work_limit(String text) {
        assertThat(distribution(text).atLeast(Long.MIN_VALUE)).isEqualTo(Rational.ONE);
    }

    @Test
    void what_cannot_be_exact_is_refused_with_a_position() {
        Distribution.Result.Refused zero = refused("1d6/(1d2-1)");
        assertThat(zero.problem()).isEqualTo(DiceProblem.DIVISION_BY_ZERO);
        assertThat(zero.position()).isEqualTo(3);
        Distribution.Result.Refused exploded = refused("2+4d6!kh3");
        assertThat(exploded.problem()).isEqualTo(DiceProblem.TOO_COMPLEX);
        assertThat(exploded.position()).isEqualTo(2);
        Distribution.Result.Refused big = refused("1+1000d10000");
        assertThat(big.problem()).isEqualTo(DiceProblem.TOO_COMPLEX);
        assertThat(big.position()).isEqualTo(2);
        assertThat(big.message()).contains("3000000");
        // Chains of 100 explosions make numbers of hundreds of bits; the limit counts that too.
        assertThat(refused("4d6!!kh3").problem()).isEqualTo(DiceProblem.TOO_COMPLEX);
        assertThat(refused("999999999*999999999*999999999").problem()).isEqualTo(DiceProblem.OVERFLOW);
    }
}
