package dev.hearth.server.realtime;

import dev.hearth.core.stream.Rejection;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.CommandOutcome;
import java.util.Map;

/** Command outcomes and rejections in the one error shape, the same on every transport. */
public final class Outcomes {

    private Outcomes() {}

    public static ErrorBody error(Rejection rejection) {
        ErrorCode code = switch (rejection.kind()) {
            case INVALID -> ErrorCode.E007;
            case NOT_PERMITTED -> ErrorCode.E011;
            case NOT_FOUND -> ErrorCode.E006;
            case CONFLICT -> ErrorCode.E012;
        };
        return new ErrorBody(code, rejection.message(), rejection.details(), null);
    }

    public static ErrorBody error(CommandOutcome.Failed failed) {
        return switch (failed.failure()) {
            case UNAVAILABLE -> new ErrorBody(ErrorCode.E008, failed.message(), Map.of(), 1L);
            case ID_REUSED -> new ErrorBody(ErrorCode.E015, failed.message(), Map.of("field", "id"), null);
        };
    }

    public static ErrorBody error(CommandFormatException e) {
        return new ErrorBody(ErrorCode.E007, e.getMessage(), Map.of("field", e.field()), null);
    }

    /** Over a rate limit: E004 with when to try again, in milliseconds and (rounded up) seconds. */
    public static ErrorBody rateLimited(java.time.Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        return new ErrorBody(ErrorCode.E004, "Too many messages; slow down.", Map.of("retryAfterMillis", millis),
                Math.max(1, (millis + 999) / 1000));
    }

    /** HTTP status for an error sent over HTTP. */
    public static int status(ErrorBody error) {
        return switch (error.code()) {
            case E002 -> 401;
            case E003 -> 413;
            case E004 -> 429;
            case E005, E006 -> 404;
            case E008 -> 503;
            case E011 -> 403;
            case E012, E015 -> 409;
            default -> 400;
        };
    }
}
