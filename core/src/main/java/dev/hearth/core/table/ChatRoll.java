package dev.hearth.core.table;

import dev.hearth.core.dice.RollResult;
import java.util.Objects;

/**
 * An inline roll of a chat line, rolled when the line was posted.
 *
 * @param start index of the span's first {@code [} in the text, in UTF-16 code units
 * @param end index just past its last {@code ]}
 * @param notation the text between the brackets
 */
public record ChatRoll(int start, int end, String notation, RollResult result) {

    public ChatRoll {
        Objects.requireNonNull(notation, "notation");
        Objects.requireNonNull(result, "result");
    }
}
