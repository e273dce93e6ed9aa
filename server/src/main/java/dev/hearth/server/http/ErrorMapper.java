package dev.hearth.server.http;

import dev.hearth.store.StoreException;
import dev.hearth.store.StoreOverloadedException;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that leaves a handler into an {@link ErrorBody} with the right status,
 * including Javalin's own 404 for a path no route matches. Infrastructure failures are logged here,
 * once; the client gets a message without internals.
 */
public final class ErrorMapper implements ExceptionHandler<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** Seconds an overloaded store asks clients to wait: its queue drains in milliseconds, so one second is ample. */
    private static final long OVERLOAD_RETRY_SECONDS = 1;

    @Override
    public void handle(Exception exception, Context ctx) {
        Answer answer = answer(exception, ctx);
        ctx.status(answer.status()).json(answer.body());
    }

    private static Answer answer(Exception exception, Context ctx) {
        return switch (exception) {
            case EndpointNotFound notFound -> new Answer(404,
                    ErrorBody.of(ErrorCode.E006, "Nothing here: " + ctx.method().name() + " " + ctx.path()));
            case HttpResponseException http -> new Answer(http.getStatus(), new ErrorBody(
                    ErrorCode.forStatus(http.getStatus()), http.getMessage(), Map.copyOf(http.getDetails()), null));
            case StoreOverloadedException overloaded -> {
                log.warn("{} {}: {}", ctx.method().name(), ctx.path(), overloaded.getMessage());
                yield new Answer(503, new ErrorBody(ErrorCode.E008,
                        "Hearth is busy writing; try again shortly.", Map.of(), OVERLOAD_RETRY_SECONDS));
            }
            case StoreException store -> {
                log.warn("{} {}: the event store failed", ctx.method().name(), ctx.path(), store);
                yield new Answer(503, ErrorBody.of(ErrorCode.E008, "The event store is unavailable; try again later."));
            }
            default -> {
                log.error("{} {} failed", ctx.method().name(), ctx.path(), exception);
                yield new Answer(500, ErrorBody.of(ErrorCode.E009,
                        "Something went wrong inside Hearth; the server log has the details."));
            }
        };
    }

    private record Answer(int status, ErrorBody body) {}
}
