package dev.hearth.core.table;

import dev.hearth.core.dice.DiceLimits;
import dev.hearth.core.dice.DiceNotation;
import dev.hearth.core.dice.DiceProblem;
import dev.hearth.core.dice.DiceRoller;
import dev.hearth.core.dice.InlineRoll;
import dev.hearth.core.dice.InlineRolls;
import dev.hearth.core.dice.ParseResult;
import dev.hearth.core.dice.RollOutcome;
import dev.hearth.core.dice.RollResult;
import dev.hearth.core.stream.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Rolls for the table: a roll command's expression, or a chat line's inline rolls. A notation that
 * does not parse or roll refuses the whole command with the field, the position (in that field's
 * text) and what was expected, so nothing half-rolled is ever recorded.
 */
final class DiceRules {

    private DiceRules() {}

    /** A rolled result, or why not. */
    sealed interface Rolled {
        record Done(RollResult result) implements Rolled {}

        record Refused(Rejection rejection) implements Rolled {}
    }

    /** The inline rolls of a chat line, or why not. */
    sealed interface Inline {
        record Done(List<ChatRoll> rolls) implements Inline {}

        record Refused(Rejection rejection) implements Inline {}
    }

    static Rolled roll(String notation, String field, int offset, RandomGenerator random) {
        return switch (DiceNotation.parse(notation, DiceLimits.DEFAULT)) {
            case ParseResult.Failed f -> new Rolled.Refused(refusal(field, offset + f.position(), f.problem(),
                    f.expected(), f.message()));
            case ParseResult.Parsed p -> switch (new DiceRoller(random, DiceLimits.DEFAULT).roll(p.expression())) {
                case RollOutcome.Rolled r -> new Rolled.Done(r.result());
                case RollOutcome.Failed f -> new Rolled.Refused(refusal(field, offset + f.position(), f.problem(),
                        expected(f.problem()), f.message()));
            };
        };
    }

    static Inline inline(String text, RandomGenerator random) {
        List<InlineRoll.Span> spans = InlineRolls.find(text);
        int most = DiceLimits.DEFAULT.maxInlineRolls();
        if (spans.size() > most) {
            InlineRoll.Span extra = spans.get(most);
            return new Inline.Refused(refusal("text", extra.start(), DiceProblem.LIMIT,
                    "at most " + most + " inline rolls", "A message holds at most " + most + " inline rolls."));
        }
        List<ChatRoll> rolls = new ArrayList<>(spans.size());
        for (InlineRoll.Span span : spans) {
            switch (roll(span.notation(), "text", span.start() + 2, random)) {
                case Rolled.Done d -> rolls.add(new ChatRoll(span.start(), span.end(), span.notation(), d.result()));
                case Rolled.Refused r -> {
                    return new Inline.Refused(r.rejection());
                }
            }
        }
        return new Inline.Done(rolls);
    }

    private static Rejection refusal(String field, int position, DiceProblem problem, String expected, String message) {
        return new Rejection(Rejection.Kind.INVALID, message, Map.of("field", field, "position", position,
                "expected", expected, "reason", problem.name().toLowerCase(Locale.ROOT)));
    }

    /** What would have been fine, for failures found while rolling (parse failures say it themselves). */
    private static String expected(DiceProblem problem) {
        return switch (problem) {
            case DIVISION_BY_ZERO -> "a divisor other than 0";
            case LIMIT -> "fewer dice, counting rerolls and explosions";
            case OVERFLOW -> "smaller numbers";
            case SYNTAX, TOO_COMPLEX -> "dice notation";
        };
    }
}
