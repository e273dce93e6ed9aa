/**
 * The HTTP server: {@link dev.hearth.server.HearthServer} is the one entry, built by {@code app}
 * from a {@link dev.hearth.server.ServerSettings} and its collaborators.
 *
 * <p>{@code Routes} lists every route top to bottom; {@code GracefulStop} is how the server stops
 * (stop accepting, let in-flight requests finish within a grace period, close WebSockets with 1001).
 * Features live in subpackages: {@code http} (the error shape and its mapper), {@code ops} (health,
 * readiness, metrics).
 */
package dev.hearth.server;
