package dev.hearth.store;

import dev.hearth.core.session.SessionId;
import java.time.Instant;

/** A session's encoded state as of {@code seq}: loading starts here and replays the events after it. */
public record Snapshot(SessionId sessionId, long seq, byte[] state, Instant createdAt) {}
