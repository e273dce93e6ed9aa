package dev.hearth.server.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request refused by a rule (bad input, failed authentication, a limit): a value, not an
 * exception, that the edge sends as an {@link ErrorBody} with its status.
 */
public record Refusal(int status, ErrorBody body) {

    public Refusal {
        Objects.requireNonNull(body, "body");
    }

    /** Answers the request with this refusal: its status, its body, and {@code Retry-After} when it has one. */
    public void sendTo(Context ctx) {
        if (body.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(body.retryAfter()));
        }
        ctx.status(status).json(body);
    }

    /** 400 E007: a field breaks a rule. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(400, new ErrorBody(ErrorCode.E007, message, Map.of("field", field), null));
    }

    /** 400 E007 without a single field to blame. */
    public static Refusal badRequest(String message) {
        return new Refusal(400, ErrorBody.of(ErrorCode.E007, message));
    }

    /** 401 E002. */
    public static Refusal unauthenticated(String message) {
        return new Refusal(401, ErrorBody.of(ErrorCode.E002, message));
    }

    /** 403 E002: authenticated or not, this request is not accepted (a foreign origin, no CSRF token). */
    public static Refusal forbidden(String message) {
        return new Refusal(403, ErrorBody.of(ErrorCode.E002, message));
    }

    /** 413 E003. */
    public static Refusal tooLarge(long limitBytes) {
        return new Refusal(413, new ErrorBody(ErrorCode.E003, "The request body is larger than " + limitBytes
                + " bytes.", Map.of("limitBytes", limitBytes), null));
    }

    /** 429 E004, retrying after at least a second. */
    public static Refusal rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new Refusal(429, new ErrorBody(ErrorCode.E004, "Too many attempts; try again in " + seconds
                + " seconds.", Map.of(), seconds));
    }

    /** 409 E010. */
    public static Refusal nameTaken(String field, String message) {
        return new Refusal(409, new ErrorBody(ErrorCode.E010, message, Map.of("field", field), null));
    }

    /** 404 E005: the campaign does not exist or the account is not in it; the two are told alike. */
    public static Refusal noSuchCampaign() {
        return new Refusal(404, ErrorBody.of(ErrorCode.E005, "No such campaign, or you are not a member of it."));
    }

    /** 404 E006: nothing with this id here. */
    public static Refusal notFound(String message) {
        return new Refusal(404, ErrorBody.of(ErrorCode.E006, message));
    }

    /** 403 E011. */
    public static Refusal notPermitted(String message, Map<String, Object> details) {
        return new Refusal(403, new ErrorBody(ErrorCode.E011, message, details, null));
    }

    /** 409 E012. */
    public static Refusal conflict(String message, String reason) {
        return conflict(message, reason, Map.of());
    }

    /** 409 E012 with details beside the reason. */
    public static Refusal conflict(String message, String reason, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.putAll(more);
        return new Refusal(409, new ErrorBody(ErrorCode.E012, message, details, null));
    }

    /** E013 with {@code details.reason}: 404 for an unknown code, 410 for one that was good once. */
    public static Refusal inviteUnusable(int status, String message, String reason) {
        return new Refusal(status, new ErrorBody(ErrorCode.E013, message, Map.of("reason", reason), null));
    }

    /** 403 E014: an account operation that local mode does not offer. */
    public static Refusal notInLocalMode(String message) {
        return new Refusal(403, ErrorBody.of(ErrorCode.E014, message));
    }
}
