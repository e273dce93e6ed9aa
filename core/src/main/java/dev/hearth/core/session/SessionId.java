package dev.hearth.core.session;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names one game session: the unit of ordering, of the event log and of the single-writer actor.
 *
 * <p>An id is 1 to 64 characters of {@code [A-Za-z0-9_-]}, so it is safe in URLs, log lines, SQL
 * parameters and file names without escaping.
 */
public record SessionId(String value) implements Comparable<SessionId> {

    /** The longest id accepted; the stores size their key columns for it. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public SessionId {
        Objects.requireNonNull(value, "session id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid session id '" + abbreviate(value) + "': expected 1-" + MAX_LENGTH
                            + " characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    /** A fresh random id, for sessions created by the server. */
    public static SessionId random() {
        return new SessionId(UUID.randomUUID().toString());
    }

    @Override
    public int compareTo(SessionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
