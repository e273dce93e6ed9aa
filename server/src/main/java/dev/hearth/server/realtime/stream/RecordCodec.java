package dev.hearth.server.realtime.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.store.NewEvent;
import dev.hearth.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The bytes of an event in the log: {@code {"by": author, "at": millis, "cmd": digest?, "e": payload}},
 * with the event's type in the log's type column. The payload is the same as on the wire.
 */
final class RecordCodec<E> {

    private final StreamCodec<?, ?, E> codec;
    private final ObjectMapper json;

    RecordCodec(StreamCodec<?, ?, E> codec, ObjectMapper json) {
        this.codec = codec;
        this.json = json;
    }

    NewEvent encode(EventRecord<E> record) {
        ObjectNode node = json.createObjectNode();
        node.put("by", record.author());
        node.put("at", record.at().toEpochMilli());
        record.commandDigest().ifPresent(d -> node.put("cmd", d));
        node.set("e", codec.logPayload(record.event()));
        try {
            return new NewEvent(codec.eventType(record.event()), json.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EventRecord<E> decode(StoredEvent stored) {
        try {
            JsonNode node = json.readTree(stored.payload());
            E event = codec.decodeEvent(stored.type(), node.path("e"));
            Optional<String> digest = node.hasNonNull("cmd") ? Optional.of(node.get("cmd").asText()) : Optional.empty();
            return new EventRecord<>(event, node.path("by").asText(), Instant.ofEpochMilli(node.path("at").asLong()),
                    digest);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + stored.seq() + " of " + stored.sessionId() + " is not readable", e);
        }
    }
}
