package dev.hearth.server.realtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.http.ErrorBody;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes every frame the server sends, in the one envelope of docs/protocol.md:
 * {@code {id, type, payload, timestamp, userId?, sessionId?, seq?, re?}}. Frames are JSON text,
 * encoded once and sent as is to every receiver.
 */
public final class Frames {

    private final ObjectMapper json;
    private final InstantSource clock;
    private final AtomicLong ids = new AtomicLong();

    public Frames(ObjectMapper json, InstantSource clock) {
        this.json = json;
        this.clock = clock;
    }

    public ObjectMapper json() {
        return json;
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    /** A durable event: its id is stable ({@code ev:<seq>}), so a client can tell a redelivery by id as well as by seq. */
    public String event(Optional<String> sessionId, long seq, String type, JsonNode payload, String author, long atMillis) {
        ObjectNode e = envelope("ev:" + seq, type, payload, atMillis);
        e.put("userId", author);
        sessionId.ifPresent(s -> e.put("sessionId", s));
        e.put("seq", seq);
        return write(e);
    }

    /** The reply to a command: committed as {@code seq}. */
    public String ack(String re, long seq, int events, boolean duplicate) {
        ObjectNode payload = object().put("seq", seq).put("events", events);
        if (duplicate) {
            payload.put("duplicate", true);
        }
        ObjectNode e = envelope(nextId(), Types.ACK, payload, clock.millis());
        e.put("seq", seq);
        e.put("re", re);
        return write(e);
    }

    public String reply(String re, JsonNode result) {
        ObjectNode e = envelope(nextId(), Types.REPLY, result, clock.millis());
        e.put("re", re);
        return write(e);
    }

    /** An error in the one shape; {@code re} names the client message it answers, if any. */
    public String error(Optional<String> re, ErrorBody body) {
        ObjectNode e = envelope(nextId(), Types.ERROR, json.valueToTree(body), clock.millis());
        re.ifPresent(r -> e.put("re", r));
        return write(e);
    }

    /** Any other server message: welcome, heartbeat, presence, cursors. */
    public String message(String type, JsonNode payload, Optional<String> sessionId, Optional<String> re) {
        ObjectNode e = envelope(nextId(), type, payload, clock.millis());
        sessionId.ifPresent(s -> e.put("sessionId", s));
        re.ifPresent(r -> e.put("re", r));
        return write(e);
    }

    public String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The type of a frame this class wrote, read off its start without parsing: {@code id} comes first
     * and never holds a quote, then {@code type}. For metrics on the send path.
     */
    public static String typeOf(String frame) {
        int at = frame.indexOf(TYPE_FIELD);
        if (at < 0) {
            return "other";
        }
        int from = at + TYPE_FIELD.length();
        int to = frame.indexOf('"', from);
        return to < 0 ? "other" : frame.substring(from, to);
    }

    private static final String TYPE_FIELD = "\"type\":\"";

    private ObjectNode envelope(String id, String type, JsonNode payload, long atMillis) {
        ObjectNode e = json.createObjectNode();
        e.put("id", id);
        e.put("type", type);
        e.set("payload", payload == null ? json.createObjectNode() : payload);
        e.put("timestamp", atMillis);
        return e;
    }

    private String nextId() {
        return "srv:" + Long.toString(ids.incrementAndGet(), 36);
    }
}
