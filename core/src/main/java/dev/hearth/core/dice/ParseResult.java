package dev.hearth.core.dice;

import java.util.Objects;

/** What {@link DiceNotation#parse} made of some text: an expression, or where and why it failed. */
public sealed interface ParseResult {

    record Parsed(Expression expression) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * @param position 0-based index into the text where the problem is
     * @param expected what would have been fine there, e.g. {@code ')'} or {@code at most 1000 dice in all}
     * @param message a sentence for the player, naming both
     */
    record Failed(DiceProblem problem, int position, String expected, String message) implements ParseResult {
        public Failed {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(message, "message");
        }
    }
}
