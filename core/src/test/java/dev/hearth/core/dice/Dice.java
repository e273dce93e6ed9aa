package dev.hearth.core.dice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

/** Shortcuts the dice tests share. */
final class Dice {

    private Dice() {}

    static Expression parse(String text) {
        ParseResult result = DiceNotation.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).expression();
    }

    static ParseResult.Failed parseFails(String text) {
        return parseFails(text, DiceLimits.DEFAULT);
    }

    static ParseResult.Failed parseFails(String text, DiceLimits limits) {
        ParseResult result = DiceNotation.parse(text, limits);
        assertThat(result).as(text).isInstanceOf(ParseResult.Failed.class);
        return (ParseResult.Failed) result;
    }

    static Distribution distribution(String text) {
        Distribution.Result result = Distribution.of(parse(text));
        assertThat(result).as(text).isInstanceOf(Distribution.Result.Exact.class);
        return ((Distribution.Result.Exact) result).distribution();
    }

    static RollResult roll(String text, long seed) {
        RollOutcome outcome = new DiceRoller(new SplittableRandom(seed), DiceLimits.DEFAULT).roll(text);
        assertThat(outcome).as(text).isInstanceOf(RollOutcome.Rolled.class);
        return ((RollOutcome.Rolled) outcome).result();
    }

    static Rational r(long numerator, long denominator) {
        return Rational.of(numerator, denominator);
    }
}
