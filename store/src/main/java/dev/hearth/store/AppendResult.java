package dev.hearth.store;

import dev.hearth.core.session.SessionId;

/** What an append did: appended (now or by an earlier identical request), or nothing because of a conflict. */
public sealed interface AppendResult {

    SessionId sessionId();

    /**
     * The events are in the log with sequence numbers {@code firstSeq..lastSeq}.
     *
     * @param duplicate true when an earlier append with the same client message id wrote them and
     *     this one wrote nothing
     */
    record Appended(SessionId sessionId, long firstSeq, long lastSeq, boolean duplicate) implements AppendResult {}

    /**
     * Nothing was written: the session is at {@code actualSeq}, not at the {@code expectedSeq} the
     * writer assumed. The writer must reload and decide again.
     */
    record Conflict(SessionId sessionId, long expectedSeq, long actualSeq) implements AppendResult {}
}
