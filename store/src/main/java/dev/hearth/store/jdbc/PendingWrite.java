package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import java.util.concurrent.CompletableFuture;

/** A write waiting in the queue for its batch, with the future its caller holds. */
sealed interface PendingWrite {

    SessionId sessionId();

    /** How much of a batch's event budget this write uses. */
    int weight();

    long enqueuedNanos();

    void fail(Throwable cause);

    record Append(AppendRequest request, CompletableFuture<AppendResult> future, long enqueuedNanos)
            implements PendingWrite {

        @Override
        public SessionId sessionId() {
            return request.sessionId();
        }

        @Override
        public int weight() {
            return request.events().size();
        }

        @Override
        public void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }

    record SaveSnapshot(SessionId sessionId, long seq, byte[] state, CompletableFuture<Void> future, long enqueuedNanos)
            implements PendingWrite {

        @Override
        public int weight() {
            return 1;
        }

        @Override
        public void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }
}
