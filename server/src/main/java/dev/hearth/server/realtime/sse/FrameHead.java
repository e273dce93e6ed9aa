package dev.hearth.server.realtime.sse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * What an SSE event line needs from a frame: its type (the {@code event:} name) and, for a durable
 * event, its seq (the {@code id:}, which the browser sends back as {@code Last-Event-ID}). Read with
 * the streaming parser because the outbox hands a sink only the encoded frame, and decoding the whole
 * frame per listener would cost more than the write.
 *
 * @param seq present only for a stored event (envelope id {@code ev:<seq>}): an ack also carries a seq,
 *     but resuming from it could skip the event, so only events move the client's position
 */
record FrameHead(String type, OptionalLong seq) {

    static FrameHead of(JsonFactory json, String frame) {
        String type = "message";
        String id = "";
        long seq = -1;
        try (JsonParser p = json.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new FrameHead(type, OptionalLong.empty());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : type;
                    case "id" -> id = value == JsonToken.VALUE_STRING ? p.getText() : id;
                    case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : seq;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FrameHead(type, id.startsWith("ev:") && seq >= 0 ? OptionalLong.of(seq) : OptionalLong.empty());
    }
}
