package dev.hearth.store;

import dev.hearth.core.session.SessionId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The durable, ordered event log of every game session, and snapshots of their state.
 *
 * <h2>Contract</h2>
 * Every implementation passes the same contract test suite ({@code EventStoreContract}).
 * <ul>
 *   <li><b>Order.</b> Each session has its own sequence: the first event is 1, and every append
 *       takes the next numbers with no gap. Sessions are independent of each other.
 *   <li><b>Optimistic concurrency.</b> An append names the sequence number it expects the session
 *       to be at. If the session is elsewhere, the append is answered with {@link
 *       AppendResult.Conflict} and nothing is written.
 *   <li><b>Idempotency.</b> An append that carries a client message id already appended to the same
 *       session answers the original sequence numbers as {@link AppendResult.Appended} with {@code
 *       duplicate = true}, and writes nothing, whatever sequence number it expects.
 *   <li><b>Durable before acknowledged.</b> An append's future completes only after its
 *       transaction committed. An append whose future completed normally survives a crash of the
 *       process; one whose future failed wrote nothing.
 *   <li><b>Group commit.</b> Concurrent writes, from any number of sessions, are batched into one
 *       transaction. A failed batch fails only the writes in it, each with a {@link StoreException}.
 *   <li><b>Backpressure.</b> Writes wait in a bounded queue; when it is full, a write fails at once
 *       with {@link StoreOverloadedException} instead of waiting.
 * </ul>
 *
 * <p>Futures complete on the store's writer thread: continuations that block or do real work must
 * use the {@code *Async} variants.
 */
public interface EventStore extends AutoCloseable {

    /** Appends events to one session; see the class contract for order, conflicts and retries. */
    CompletableFuture<AppendResult> append(AppendRequest request);

    /**
     * Events of a session with {@code seq > afterSeq}, in order, at most {@code limit} of them.
     * An unknown session has no events.
     */
    List<StoredEvent> read(SessionId sessionId, long afterSeq, int limit);

    /**
     * The at most {@code limit} events of a session that come immediately before {@code beforeSeq}
     * ({@code seq < beforeSeq}), in ascending order: a history shown newest first (chat, activity
     * feeds) pages backwards from {@link Long#MAX_VALUE}, the end of the log, passing each page's
     * first seq as the next {@code beforeSeq}. A {@code beforeSeq} of 1 or less, or an unknown
     * session, has no events. The limit is bounded as for {@link #read}.
     */
    List<StoredEvent> readBefore(SessionId sessionId, long beforeSeq, int limit);

    /** The sequence number of the session's last event; 0 for a session with none. */
    long latestSeq(SessionId sessionId);

    /** The session's head (epoch and latest sequence number), if it has any event. */
    Optional<SessionHead> head(SessionId sessionId);

    /**
     * Stores a snapshot of the session's state as of {@code seq}, replacing one at the same
     * {@code seq}. Fails with {@link IllegalArgumentException} if {@code seq} is beyond the
     * session's latest event.
     */
    CompletableFuture<Void> saveSnapshot(SessionId sessionId, long seq, byte[] state);

    /** The newest snapshot taken at or before {@code atOrBeforeSeq}. */
    Optional<Snapshot> loadLatestSnapshot(SessionId sessionId, long atOrBeforeSeq);

    /**
     * Sessions with at least one event, ordered by id, starting after {@code after} (exclusive)
     * when given, at most {@code limit} of them.
     */
    List<SessionHead> listSessions(Optional<SessionId> after, int limit);

    /** Answers quickly whether the database can be used; throws {@link StoreException} saying why not. */
    void checkReachable();

    /** Which engine this is, for logs and metrics: {@code sqlite} or {@code postgresql}. */
    String engine();

    /**
     * Stops taking writes, commits every write already accepted, then releases connections. Writes
     * submitted after this began fail with {@link StoreException}.
     */
    @Override
    void close();
}
