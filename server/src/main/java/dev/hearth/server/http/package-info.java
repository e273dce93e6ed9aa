/**
 * The HTTP edge's one error shape, {@code {code, message, details?, retryAfter?}}
 * ({@link dev.hearth.server.http.ErrorBody}), the list of codes ({@link
 * dev.hearth.server.http.ErrorCode}), and the one mapper that turns every exception, and every
 * 404, into it ({@link dev.hearth.server.http.ErrorMapper}); {@link dev.hearth.server.http.JettyErrorHandler} gives the
 * same shape to what Jetty rejects before Javalin sees it.
 */
package dev.hearth.server.http;
