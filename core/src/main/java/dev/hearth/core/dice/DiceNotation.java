package dev.hearth.core.dice;

import java.util.Objects;

/** Reads dice notation, such as {@code 4d6dl1}, {@code adv+5 # attack} or {@code 6 x 4d6dl1}; docs/dice.md has all of it. */
public final class DiceNotation {

    private DiceNotation() {}

    public static ParseResult parse(String text) {
        return parse(text, DiceLimits.DEFAULT);
    }

    /** Never throws on bad input: a syntax error or broken limit comes back as {@link ParseResult.Failed}. */
    public static ParseResult parse(String text, DiceLimits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        return new Parser(text, limits).parse();
    }
}
