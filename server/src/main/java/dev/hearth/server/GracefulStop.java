package dev.hearth.server;

import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * How the server stops: Jetty's graceful shutdown, which Javalin does not turn on by itself.
 *
 * <p>With a stop timeout set, {@code Server.stop()} first shuts down every {@code Graceful}
 * component and waits for them, at most the grace period:
 * <ol>
 *   <li>the connectors close their listening sockets, so new connections are refused at once, and
 *       answer on open connections with {@code Connection: close};
 *   <li>the {@link GracefulHandler} inserted here counts requests being handled; it is done when
 *       none is left;
 *   <li>Jetty's WebSocket session tracker closes every WebSocket with status 1001 (going away).
 * </ol>
 * Whatever is still running when the grace period ends is cut off as the connectors stop.
 */
final class GracefulStop {

    private final Duration grace;

    GracefulStop(Duration grace) {
        this.grace = grace;
    }

    void applyTo(Server server) {
        server.insertHandler(new GracefulHandler());
        // Jetty skips the graceful steps entirely for a stop timeout of 0; a zero grace period still
        // refuses new connections first and says goodbye to WebSockets, it only waits for nothing.
        server.setStopTimeout(Math.max(1, grace.toMillis()));
    }
}
