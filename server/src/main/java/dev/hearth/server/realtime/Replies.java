package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.http.ErrorCode;
import dev.hearth.server.realtime.protocol.Inbound;
import dev.hearth.server.realtime.stream.StreamUnavailableException;
import dev.hearth.store.StoreException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Answers on a connection: acks and errors for commands, replies for requests. */
final class Replies {

    private Replies() {}

    static void send(Connection c, Inbound m, Tables.Reply reply) {
        switch (reply) {
            case Tables.Reply.Ack a -> c.send(c.realtime().frames().ack(m.id(), a.ack().seq(), a.ack().events(),
                    a.ack().duplicate()));
            case Tables.Reply.Error e -> c.refuse(Optional.of(m.id()), e.error());
        }
    }

    /** A page request: {@code before} (exclusive, default: from the end) and {@code limit} (1-200, default 50). */
    record Page(long before, int limit) {}

    static Optional<Page> page(JsonNode params) {
        JsonNode before = params.get("before");
        JsonNode limit = params.get("limit");
        if ((before != null && !before.isNull() && (!before.isIntegralNumber() || before.asLong() < 1))
                || (limit != null && (!limit.isIntegralNumber() || limit.asInt() < 1 || limit.asInt() > Tables.MAX_PAGE))) {
            return Optional.empty();
        }
        return Optional.of(new Page(before == null || before.isNull() ? Long.MAX_VALUE : before.asLong(),
                limit == null ? 50 : limit.asInt()));
    }

    /**
     * Runs a {@code request {method, params}}: {@code handler} answers the result, an {@link ErrorBody}
     * to refuse with, empty when the page params are wrong, or null for a method it does not know
     * (E007 for both).
     */
    /** A params field that must be a string if given: empty if absent, null if it is not a string. */
    static Optional<String> optionalText(JsonNode params, String field) {
        JsonNode node = params.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return node.isTextual() ? Optional.of(node.asText()) : null;
    }

    static ErrorBody invalid(String field, String message) {
        return new ErrorBody(ErrorCode.E007, message, Map.of("field", field), null);
    }

    static void request(Connection c, Inbound m, BiFunction<String, JsonNode, Optional<Object>> handler) {
        JsonNode method = m.payload().get("method");
        if (method == null || !method.isTextual()) {
            c.refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E007, "A request has a 'method' and 'params'.",
                    Map.of("field", "method"), null));
            return;
        }
        JsonNode params = m.payload().path("params");
        if (!params.isObject() && !params.isMissingNode()) {
            c.refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E007, "'params' is an object.",
                    Map.of("field", "params"), null));
            return;
        }
        Optional<Object> result;
        try {
            result = handler.apply(method.asText(), params.isMissingNode() ? c.realtime().frames().object() : params);
        } catch (StreamUnavailableException | StoreException | java.util.concurrent.CompletionException e) {
            c.refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E008, "This cannot be read right now; ask again in a"
                    + " moment.", Map.of(), 1L));
            return;
        }
        if (result == null) {
            c.refuse(Optional.of(m.id()), SessionChannel.unknownMethod(method.asText()));
        } else if (result.isPresent() && result.get() instanceof ErrorBody error) {
            c.refuse(Optional.of(m.id()), error);
        } else if (result.isEmpty()) {
            c.refuse(Optional.of(m.id()), new ErrorBody(ErrorCode.E007, "Invalid params for " + method.asText()
                    + ": 'before' is a seq >= 1 and 'limit' is 1-" + Tables.MAX_PAGE + ".", Map.of("field", "params"), null));
        } else {
            c.send(c.realtime().frames().reply(m.id(), c.realtime().frames().json().valueToTree(result.get())));
        }
    }
}
