package dev.hearth.store;

import dev.hearth.core.session.SessionId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One append: events for one session, written together or not at all.
 *
 * @param sessionId the session whose log grows
 * @param expectedSeq the session's latest sequence number as the writer last saw it (0 for a new session)
 * @param events 1 to {@link #MAX_EVENTS} events, in order
 * @param clientMsgId the id the client gave the message that caused these events, making retries
 *     idempotent; empty for events the server originates
 */
public record AppendRequest(SessionId sessionId, long expectedSeq, List<NewEvent> events, Optional<String> clientMsgId) {

    /** One command never produces more events than this; a bound keeps one batch from starving others. */
    public static final int MAX_EVENTS = 1000;

    public static final int MAX_CLIENT_MSG_ID_LENGTH = 128;

    public AppendRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(clientMsgId, "clientMsgId");
        events = List.copyOf(events);
        if (expectedSeq < 0) {
            throw new IllegalArgumentException("expectedSeq must be >= 0, was " + expectedSeq);
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException(
                    "an append carries 1-" + MAX_EVENTS + " events, not " + events.size());
        }
        clientMsgId.ifPresent(id -> {
            if (id.isEmpty() || id.length() > MAX_CLIENT_MSG_ID_LENGTH) {
                throw new IllegalArgumentException(
                        "client message id must be 1-" + MAX_CLIENT_MSG_ID_LENGTH + " characters");
            }
        });
    }

    /** An append made on behalf of a client message. */
    public static AppendRequest of(SessionId sessionId, long expectedSeq, String clientMsgId, List<NewEvent> events) {
        return new AppendRequest(sessionId, expectedSeq, events, Optional.of(clientMsgId));
    }

    /** An append the server originates, with no client message id. */
    public static AppendRequest of(SessionId sessionId, long expectedSeq, List<NewEvent> events) {
        return new AppendRequest(sessionId, expectedSeq, events, Optional.empty());
    }
}
