package dev.hearth.server.ops;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /health}: the process is up and serving HTTP. It checks nothing else on purpose: a
 * database outage must make Hearth unready, not make an orchestrator restart a healthy process.
 */
public final class LivenessHandler implements Handler {

    private static final Status UP = new Status("up");

    @Override
    public void handle(Context ctx) {
        ctx.json(UP);
    }

    private record Status(String status) {}
}
