package dev.hearth.core.dice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rolls the {@code [[...]]} spans in a chat message, such as "I attack [[1d20+5]] for [[1d8+3]]".
 * A span runs from {@code [[} to the first {@code ]]} after it; spans do not nest, and a {@code [[}
 * with no {@code ]]} after it is left as text. Each span rolls on its own, and one that fails does
 * not stop the others. Past {@link DiceLimits#maxInlineRolls} spans, the rest fail without rolling.
 */
public final class InlineRolls {

    private final DiceRoller roller;

    public InlineRolls(DiceRoller roller) {
        this.roller = Objects.requireNonNull(roller, "roller");
    }

    /** Where the spans are, in order: {@code [start, end, notation]} with nothing rolled. */
    public static List<InlineRoll.Span> find(String text) {
        Objects.requireNonNull(text, "text");
        List<InlineRoll.Span> spans = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("[[", from);
            if (open < 0) {
                return spans;
            }
            int close = text.indexOf("]]", open + 2);
            if (close < 0) {
                return spans;
            }
            spans.add(new InlineRoll.Span(open, close + 2, text.substring(open + 2, close)));
            from = close + 2;
        }
    }

    /** Every span, rolled or failed, in order. */
    public List<InlineRoll> roll(String text) {
        int most = roller.limits().maxInlineRolls();
        List<InlineRoll> rolls = new ArrayList<>();
        for (InlineRoll.Span span : find(text)) {
            RollOutcome outcome = rolls.size() < most ? roller.roll(span.notation())
                    : new RollOutcome.Failed(DiceProblem.LIMIT, 0, "A message holds at most " + most + " inline rolls.");
            rolls.add(new InlineRoll(span.start(), span.end(), span.notation(), outcome));
        }
        return rolls;
    }
}
