package dev.hearth.server.campaigns;

import dev.hearth.server.http.Refusal;
import java.util.Optional;

/**
 * The rule for campaign and session names: 1 to 100 characters, not blank, no control characters.
 * Anything else, SQL and markup included, is stored verbatim: it is data, bound as a parameter and
 * written as an escaped JSON string.
 */
final class Names {

    static final int MAX = 100;

    private Names() {}

    static Optional<Refusal> check(String field, String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(Refusal.invalid(field, "A " + field + " is required."));
        }
        if (name.codePointCount(0, name.length()) > MAX) {
            return Optional.of(Refusal.invalid(field, "A " + field + " has at most " + MAX + " characters."));
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(Refusal.invalid(field, "A " + field + " may not contain control characters."));
        }
        return Optional.empty();
    }
}
