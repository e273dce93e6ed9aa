package dev.hearth.server.realtime.http;

import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.Refusal;
import dev.hearth.server.realtime.Outcomes;
import dev.hearth.server.realtime.RealtimeMetrics;
import io.javalin.http.Context;
import java.util.Optional;

/** The real-time HTTP routes' shared answers: errors (counted, with {@code Retry-After}) and query numbers. */
final class HttpAnswers {

    private final RealtimeMetrics metrics;

    HttpAnswers(RealtimeMetrics metrics) {
        this.metrics = metrics;
    }

    void error(Context ctx, ErrorBody error) {
        if (error.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(error.retryAfter()));
        }
        metrics.error(error.code().name());
        ctx.status(Outcomes.status(error)).json(error);
    }

    void refuse(Context ctx, Refusal refusal) {
        metrics.error(refusal.body().code().name());
        refusal.sendTo(ctx);
    }

    /** The query parameter {@code name} as an integer in [min, max] ({@code absent} when not given), or refused (E007). */
    Optional<Long> number(Context ctx, String name, long absent, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.of(absent);
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        refuse(ctx, Refusal.invalid(name, "'" + name + "' is an integer from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max) + "."));
        return Optional.empty();
    }
}
