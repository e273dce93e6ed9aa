package dev.hearth.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * Hearth's one error shape, the same on HTTP, WebSocket and SSE.
 *
 * @param code a stable code from {@link ErrorCode}
 * @param message a sentence for a human, saying what went wrong and, when it helps, what to do
 * @param details optional machine-readable facts (the offending field, the limit); omitted when empty
 * @param retryAfter optional seconds after which retrying may succeed; omitted when retrying will not help
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(ErrorCode code, String message, Map<String, Object> details, Long retryAfter) {

    public ErrorBody {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code, message, Map.of(), null);
    }
}
