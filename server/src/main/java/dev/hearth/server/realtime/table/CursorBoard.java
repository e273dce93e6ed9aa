package dev.hearth.server.realtime.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.realtime.outbox.Ephemeral;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.server.realtime.protocol.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest cursor of each user, flushed every 16 ms as one {@code cursor_moves} frame with those
 * that moved: however often a client sends, each user's cursor goes out at most about 60 times a
 * second, and the latest position always wins.
 */
final class CursorBoard {

    private final Frames frames;
    private final Optional<String> sessionId;
    private Map<String, ObjectNode> moved = new LinkedHashMap<>();

    CursorBoard(Frames frames, Optional<String> sessionId) {
        this.frames = frames;
        this.sessionId = sessionId;
    }

    synchronized void move(String userId, ObjectNode position) {
        moved.put(userId, position);
    }

    synchronized void forget(String userId) {
        moved.remove(userId);
    }

    /** The cursors that moved since the last flush, as a mergeable update; empty if none moved. */
    Optional<Ephemeral> flush() {
        Map<String, ObjectNode> batch;
        synchronized (this) {
            if (moved.isEmpty()) {
                return Optional.empty();
            }
            batch = moved;
            moved = new LinkedHashMap<>();
        }
        return Optional.of(new Batch(batch));
    }

    /** Cursors not yet sent to a connection: a newer batch merges in, latest position per user. */
    private final class Batch implements Ephemeral {
        private final Map<String, ObjectNode> cursors;

        Batch(Map<String, ObjectNode> cursors) {
            this.cursors = cursors;
        }

        @Override
        public Ephemeral merge(Ephemeral newer) {
            Map<String, ObjectNode> merged = new LinkedHashMap<>(cursors);
            merged.putAll(((Batch) newer).cursors);
            return new Batch(merged);
        }

        @Override
        public String render() {
            ObjectNode payload = frames.object();
            ArrayNode list = payload.putArray("cursors");
            cursors.forEach((userId, position) -> list.addObject().put("userId", userId).setAll(position));
            return frames.message(Types.CURSOR_MOVES, payload, sessionId, Optional.empty());
        }
    }
}
