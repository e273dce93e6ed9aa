package dev.hearth.core.dice;

import java.util.Optional;

/** Count successes instead of adding: +1 for each value matching {@code success}, -1 for each matching {@code failure}. */
record Counting(Compare success, Optional<Compare> failure) {

    /** What one kept value adds to the count; a value that is a success is never also a failure. */
    long score(long value) {
        if (success.matches(value)) {
            return 1;
        }
        return failure.isPresent() && failure.get().matches(value) ? -1 : 0;
    }

    @Override
    public String toString() {
        return success + failure.map(f -> "f" + f).orElse("");
    }
}
