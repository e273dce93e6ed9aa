package dev.hearth.store;

import dev.hearth.core.session.SessionId;
import java.time.Instant;
import java.util.Optional;

/** An event as the log holds it. */
public record StoredEvent(
        SessionId sessionId, long seq, String type, byte[] payload, Optional<String> clientMsgId, Instant recordedAt) {}
