package dev.hearth.server;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import dev.hearth.store.EventStore;
import dev.hearth.store.SessionHead;
import dev.hearth.store.Snapshot;
import dev.hearth.store.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real store whose {@link #checkReachable()} waits at a gate, so a test can hold a {@code /ready}
 * request in flight for exactly as long as it needs, without sleeping.
 */
final class GatedEventStore implements EventStore {

    private final EventStore delegate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile Thread lastCaller;

    GatedEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    /** Waits until a request is held at the gate. */
    void awaitRequestAtGate() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached the gate");
        }
    }

    /** Lets held requests, and all later ones, through. */
    void open() {
        gate.countDown();
    }

    /** The thread of the last request that reached the gate. */
    Thread lastCaller() {
        return lastCaller;
    }

    @Override
    public void checkReachable() {
        lastCaller = Thread.currentThread();
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        }
        delegate.checkReachable();
    }

    @Override
    public CompletableFuture<AppendResult> append(AppendRequest request) {
        return delegate.append(request);
    }

    @Override
    public List<StoredEvent> read(SessionId sessionId, long afterSeq, int limit) {
        return delegate.read(sessionId, afterSeq, limit);
    }

    @Override
    public List<StoredEvent> readBefore(SessionId sessionId, long beforeSeq, int limit) {
        return delegate.readBefore(sessionId, beforeSeq, limit);
    }

    @Override
    public long latestSeq(SessionId sessionId) {
        return delegate.latestSeq(sessionId);
    }

    @Override
    public Optional<SessionHead> head(SessionId sessionId) {
        return delegate.head(sessionId);
    }

    @Override
    public CompletableFuture<Void> saveSnapshot(SessionId sessionId, long seq, byte[] state) {
        return delegate.saveSnapshot(sessionId, seq, state);
    }

    @Override
    public Optional<Snapshot> loadLatestSnapshot(SessionId sessionId, long atOrBeforeSeq) {
        return delegate.loadLatestSnapshot(sessionId, atOrBeforeSeq);
    }

    @Override
    public List<SessionHead> listSessions(Optional<SessionId> after, int limit) {
        return delegate.listSessions(after, limit);
    }

    @Override
    public String engine() {
        return delegate.engine();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
