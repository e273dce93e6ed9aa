package dev.hearth.core.dice;

import static dev.hearth.core.dice.Dice.distribution;
import static dev.hearth.core.dice.Dice.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The roller against the exact distribution: a chi-square goodness-of-fit test on seeded rolls, at
 * a significance of 1e-4, so a wrong reading of the notation in either shows at once and a right
 * one passes (the seeds are fixed, so it passes every time).
 */
class RollerFitsDistributionTest {

    static final int ROLLS = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"2d6", "4d6dl1", "adv+5", "dis", "3dF", "6d10>7f1", "1d6!", "2d6!!", "1d6!p+1d4",
        "4d6r<3kh3", "4d6min2max5", "1d6ro", "{1d6, 1d8+1}kh1", "{2d6, 1d12}>6", "1d6*1d4-1d8", "floor(3d6/4)",
        "round(1d20/3)", "3d6kl2>=3f1"})
    void the_roller_follows_the_distribution(String text) {
        Expression expression = parse(text);
        DiceRoller roller = new DiceRoller(new SplittableRandom(text.hashCode()), DiceLimits.DEFAULT);
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < ROLLS; i++) {
            counts.merge(((RollOutcome.Rolled) roller.roll(expression)).result().total(), 1, Integer::sum);
        }
        Distribution d = distribution(text);
        assertThat(d.probabilities().keySet()).as("every total rolled is possible").containsAll(counts.keySet());
        Fit fit = fit(d, counts);
        assertThat(fit.statistic).as("chi-square with %d degrees of freedom", fit.degrees).isLessThan(critical(fit.degrees));
    }

    @Test
    void the_test_tells_a_wrong_distribution_apart() {
        DiceRoller roller = new DiceRoller(new SplittableRandom(7), DiceLimits.DEFAULT);
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < ROLLS; i++) {
            counts.merge(((RollOutcome.Rolled) roller.roll("1d6ro")).result().total(), 1, Integer::sum);
        }
        Fit fit = fit(distribution("1d6"), counts);
        assertThat(fit.statistic).isGreaterThan(critical(fit.degrees));
    }

    record Fit(double statistic, int degrees) {}

    /** Chi-square over the totals in order, neighbours pooled until each bin expects at least 5 rolls. */
    static Fit fit(Distribution d, Map<Long, Integer> counts) {
        List<double[]> bins = new ArrayList<>();
        double expected = 0;
        long observed = 0;
        for (Map.Entry<Long, Rational> e : d.probabilities().entrySet()) {
            expected += e.getValue().toDouble() * ROLLS;
            observed += counts.getOrDefault(e.getKey(), 0);
            if (expected >= 5) {
                bins.add(new double[] {observed, expected});
                expected = 0;
                observed = 0;
            }
        }
        // A tail that never reached 5 joins the last bin.
        bins.getLast()[0] += observed;
        bins.getLast()[1] += expected;
        double statistic = 0;
        for (double[] bin : bins) {
            statistic += (bin[0] - bin[1]) * (bin[0] - bin[1]) / bin[1];
        }
        return new Fit(statistic, Math.max(1, bins.size() - 1));
    }

    /** The chi-square quantile at 1 - 1e-4, by the Wilson-Hilferty approximation. */
    static double critical(int degrees) {
        double z = 3.719;
        double a = 2.0 / (9 * degrees);
        return degrees * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }
}
