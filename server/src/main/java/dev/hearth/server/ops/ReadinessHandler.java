package dev.hearth.server.ops;

import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.store.EventStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ready}: Hearth can take writes, because its event store answers. 200 {@code
 * {"status":"ready","store":"sqlite"}} or 503 with the reason in the error shape.
 */
public final class ReadinessHandler implements Handler {

    private static final Logger log = LoggerFactory.getLogger(ReadinessHandler.class);

    private final EventStore store;

    public ReadinessHandler(EventStore store) {
        this.store = store;
    }

    @Override
    public void handle(Context ctx) {
        try {
            store.checkReachable();
        } catch (RuntimeException e) {
            // Whatever the store throws, the answer is "not ready": a probe wants a status, not a 500.
            log.warn("not ready: {}", e.getMessage());
            ctx.status(503).json(new ErrorBody(ErrorCode.E008, "Not ready: the event store (" + store.engine()
                    + ") is not reachable: " + e.getMessage(), Map.of("store", store.engine()), null));
            return;
        }
        ctx.json(new Ready("ready", store.engine()));
    }

    private record Ready(String status, String store) {}
}
