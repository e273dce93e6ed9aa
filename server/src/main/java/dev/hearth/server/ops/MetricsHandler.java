package dev.hearth.server.ops;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter in the registry in Prometheus text format, or OpenMetrics when
 * the scraper asks for it in {@code Accept} (as Prometheus itself does).
 */
public final class MetricsHandler implements Handler {

    // The exposition formats' media types (the Prometheus client declares them on classes it keeps
    // at runtime scope); the registry picks the writer by this string.
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx) {
        String accept = ctx.header("Accept");
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? OPEN_METRICS
                : PROMETHEUS_TEXT;
        ctx.contentType(contentType).result(registry.scrape(contentType));
    }
}
