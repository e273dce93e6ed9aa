package dev.hearth.core.stream;

import java.util.Map;
import java.util.Objects;

/**
 * Why a command was refused, in words a player can read. The {@link Kind} lets each transport
 * choose its error code; the core knows no protocol.
 *
 * @param details machine-readable context, e.g. {@code field} naming the input at fault
 */
public record Rejection(Kind kind, String message, Map<String, Object> details) {

    public enum Kind {
        /** The command is malformed or breaks a rule of its input (empty text, unknown recipient). */
        INVALID,
        /** The caller's role does not allow it. */
        NOT_PERMITTED,
        /** It refers to something that does not exist. */
        NOT_FOUND,
        /** It does not fit the state as it is now. */
        CONFLICT
    }

    public Rejection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        details = Map.copyOf(details);
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection(Kind.INVALID, message, Map.of("field", field));
    }

    public static Rejection notPermitted(String message) {
        return new Rejection(Kind.NOT_PERMITTED, message, Map.of());
    }

    public static Rejection conflict(String message) {
        return new Rejection(Kind.CONFLICT, message, Map.of());
    }
}
