package dev.hearth.server.ops;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request as {@code http.server.requests}, tagged with the method, the route
 * template ({@code uri}), the status and its outcome class, with a percentile histogram so
 * Prometheus can compute latency quantiles across instances.
 *
 * <p>The {@code uri} tag is the route as declared ({@code /sessions/{id}}), never the raw path: raw
 * paths would make one time series per URL anyone cares to request. Requests no route matched share
 * {@code NOT_FOUND} (404) or {@code UNMATCHED}.
 */
public final class HttpRequestMetrics implements RequestLogger {

    private final Meter.MeterProvider<Timer> timers;

    public HttpRequestMetrics(MeterRegistry registry) {
        this.timers = Timer.builder("http.server.requests")
                .description("HTTP requests handled, by method, route template and status")
                .publishPercentileHistogram()
                .withRegistry(registry);
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        timers.withTags(
                        "method", ctx.method().name(),
                        "uri", route(ctx),
                        "status", Integer.toString(status),
                        "outcome", Outcome.forStatus(status).name())
                .record(Math.round(executionTimeMs * 1_000_000d), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null && !endpoint.path.isEmpty()) {
            return endpoint.path;
        }
        return ctx.statusCode() == 404 ? "NOT_FOUND" : "UNMATCHED";
    }
}
