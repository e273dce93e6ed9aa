package dev.hearth.core.dice;

import java.util.Objects;

/**
 * One {@code [[...]]} span of a chat message and what rolling it gave.
 *
 * @param start index of the first {@code [} in the message
 * @param end index just past the last {@code ]}
 * @param notation the text between the brackets; positions in a failure count from its start,
 *     which is at {@code start + 2} in the message
 */
public record InlineRoll(int start, int end, String notation, RollOutcome outcome) {

    public InlineRoll {
        Objects.requireNonNull(notation, "notation");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A span found, not yet rolled. */
    public record Span(int start, int end, String notation) {
        public Span {
            Objects.requireNonNull(notation, "notation");
        }
    }
}
