package dev.hearth.server;

import dev.hearth.server.http.ErrorMapper;
import dev.hearth.server.ops.LivenessHandler;
import dev.hearth.server.ops.MetricsHandler;
import dev.hearth.server.ops.ReadinessHandler;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;

/** Every route the server answers, top to bottom, and the one mapper for everything that fails. */
final class Routes {

    private final LivenessHandler liveness;
    private final ReadinessHandler readiness;
    private final MetricsHandler metrics;
    private final ErrorMapper errors;

    Routes(LivenessHandler liveness, ReadinessHandler readiness, MetricsHandler metrics, ErrorMapper errors) {
        this.liveness = liveness;
        this.readiness = readiness;
        this.metrics = metrics;
        this.errors = errors;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/health", liveness);
        routes.get("/ready", readiness);
        routes.get("/metrics", metrics);

        // Javalin maps its own HttpResponseExceptions (among them the 404 for unknown paths) unless
        // told otherwise; registering the mapper for them too keeps one error shape everywhere.
        routes.exception(HttpResponseException.class, errors);
        routes.exception(Exception.class, errors);
    }
}
