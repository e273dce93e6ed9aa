package dev.hearth.store;

import dev.hearth.core.session.SessionId;
import dev.hearth.core.session.StreamPosition;
import java.time.Instant;

/** Where a session's log ends. */
public record SessionHead(SessionId sessionId, String epoch, long latestSeq, Instant createdAt, Instant updatedAt) {

    public StreamPosition position() {
        return new StreamPosition(epoch, latestSeq);
    }
}
