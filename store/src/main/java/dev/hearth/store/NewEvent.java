package dev.hearth.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event to append: its type and its encoded payload. The store does not interpret either.
 *
 * @param type a dotted name such as {@code chat.message_posted}, 1-100 characters
 * @param payload the encoded event, at most {@link #MAX_PAYLOAD_BYTES}
 */
public record NewEvent(String type, byte[] payload) {

    /** Bounds one event so a bad client cannot bloat the log; frames are limited far lower at the edge. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (type.length() > 100 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "invalid event type '" + type + "': expected dotted lower-case words, at most 100 characters");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "event payload of " + payload.length + " bytes exceeds the limit of " + MAX_PAYLOAD_BYTES);
        }
    }
}
