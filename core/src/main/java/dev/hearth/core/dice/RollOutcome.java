package dev.hearth.core.dice;

import java.util.Objects;

/** What {@link DiceRoller#roll} did: rolled, or failed for a reason the player can read. */
public sealed interface RollOutcome {

    record Rolled(RollResult result) implements RollOutcome {
        public Rolled {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * @param position 0-based index into the notation of the cause: where parsing failed, the
     *     division by zero, the dice that went over the limit
     */
    record Failed(DiceProblem problem, int position, String message) implements RollOutcome {
        public Failed {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }
}
