package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Rolls dice expressions. Randomness comes only from the generator it is given: the server passes
 * a {@code SecureRandom}, tests a seeded one, and the same seed rolls the same result. Not safe for
 * concurrent use unless the generator is.
 */
public final class DiceRoller {

    private final RandomGenerator random;
    private final DiceLimits limits;

    public DiceRoller(RandomGenerator random, DiceLimits limits) {
        this.random = Objects.requireNonNull(random, "random");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public DiceLimits limits() {
        return limits;
    }

    /** Parses with this roller's limits, then rolls. */
    public RollOutcome roll(String notation) {
        return switch (DiceNotation.parse(notation, limits)) {
            case ParseResult.Parsed parsed -> roll(parsed.expression());
            case ParseResult.Failed failed -> new RollOutcome.Failed(failed.problem(), failed.position(), failed.message());
        };
    }

    /**
     * Rolls once, or once per repetition. Fails, rather than throws, on a division by zero, an
     * overflow, or more dice than {@link DiceLimits#maxDice} once rerolls and explosions are counted.
     */
    public RollOutcome roll(Expression expression) {
        Objects.requireNonNull(expression, "expression");
        Evaluation evaluation = new Evaluation(random, limits);
        List<Roll> rolls = new ArrayList<>();
        try {
            for (int i = 0; i < expression.repeats(); i++) {
                rolls.add(evaluation.roll(expression.root()));
            }
        } catch (Evaluation.Failure f) {
            return new RollOutcome.Failed(f.problem, f.position, f.getMessage());
        }
        return new RollOutcome.Rolled(new RollResult(expression.notation(), expression.label(), rolls));
    }
}
