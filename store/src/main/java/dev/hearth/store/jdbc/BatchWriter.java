package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import dev.hearth.store.NewEvent;
import dev.hearth.store.StoreException;
import dev.hearth.store.jdbc.SqlDialect.ClientKey;
import dev.hearth.store.jdbc.SqlDialect.HeadRow;
import dev.hearth.store.jdbc.SqlDialect.SeqRange;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes one batch of queued writes in one transaction, then completes their futures.
 *
 * <p>Each write is decided against the heads as they stand inside the transaction, in queue order,
 * so two appends to one session in the same batch chain correctly and a conflict or a duplicate
 * affects only its own write. Futures complete only after commit; if the transaction fails, every
 * write of this batch, and no other, fails with a {@link StoreException}.
 */
final class BatchWriter {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final InstantSource clock;
    private final StoreMetrics metrics;
    /** Kept across batches: borrowing and resetting a pooled connection per batch costs round trips. */
    private Connection connection;

    BatchWriter(DataSource dataSource, SqlDialect dialect, InstantSource clock, StoreMetrics metrics) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.metrics = metrics;
    }

    void write(List<PendingWrite> batch) {
        long started = System.nanoTime();
        List<Runnable> completions;
        try {
            completions = writeWithRetry(batch);
        } catch (SQLException | RuntimeException e) {
            StoreException failure = new StoreException(describe(batch, e), e);
            batch.forEach(w -> w.fail(failure));
            metrics.batchFailed(batch.size());
            return;
        }
        metrics.batchCommitted(batch.size(), System.nanoTime() - started);
        completions.forEach(Runnable::run);
        long now = System.nanoTime();
        batch.forEach(w -> metrics.writeCompleted(now - w.enqueuedNanos()));
    }

    /** A unique violation means another node wrote the same session meanwhile: deciding again sees its events. */
    private List<Runnable> writeWithRetry(List<PendingWrite> batch) throws SQLException {
        try {
            return writeOnce(batch);
        } catch (SQLException e) {
            if (!dialect.isUniqueViolation(e)) {
                throw e;
            }
            return writeOnce(batch);
        }
    }

    private List<Runnable> writeOnce(List<PendingWrite> batch) throws SQLException {
        Connection c = connection();
        try {
            // Manual commit only for the batch: sqlite-jdbc opens the next transaction right after a
            // commit, and with IMMEDIATE transactions an idle writer would hold the write lock.
            c.setAutoCommit(false);
            Plan plan = plan(c, batch);
            plan.execute(c);
            c.commit();
            c.setAutoCommit(true);
            return plan.completions;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            // The connection may be what failed: the next batch starts on a fresh one.
            closeConnection();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = dataSource.getConnection();
            try {
                dialect.prepareWriter(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** Gives the writer's connection back to the pool; called on failure and when the store closes. */
    void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // returning a broken connection to the pool: the pool discards it
            }
            connection = null;
        }
    }

    private Plan plan(Connection c, List<PendingWrite> batch) throws SQLException {
        TreeSet<SessionId> sessions = new TreeSet<>();
        List<ClientKey> keys = new ArrayList<>();
        for (PendingWrite w : batch) {
            sessions.add(w.sessionId());
            if (w instanceof PendingWrite.Append a) {
                a.request().clientMsgId().ifPresent(id -> keys.add(new ClientKey(a.sessionId(), id)));
            }
        }
        SqlDialect.BatchState found = dialect.readForBatch(c, sessions, keys);
        Map<SessionId, HeadRow> stored = found.heads();
        Map<ClientKey, SeqRange> seen = found.clientMessages();

        long now = clock.millis();
        Plan plan = new Plan(now, dialect);
        for (PendingWrite w : batch) {
            Head head = plan.heads.computeIfAbsent(w.sessionId(), id -> Head.of(stored.get(id)));
            switch (w) {
                case PendingWrite.Append a -> plan.append(a, head, seen);
                case PendingWrite.SaveSnapshot s -> plan.snapshot(s, head);
            }
        }
        return plan;
    }

    private static String describe(List<PendingWrite> batch, Exception e) {
        var sessions = batch.stream().map(w -> w.sessionId().value()).distinct().limit(5).toList();
        return "could not commit a batch of " + batch.size() + " writes (sessions " + sessions
                + (batch.size() > 5 ? ", ..." : "") + "): " + e.getMessage();
    }

    /** A session's head as this batch moves it. */
    private static final class Head {
        final String epoch;
        final long createdAt;
        final boolean isNew;
        long latestSeq;
        boolean changed;

        private Head(String epoch, long createdAt, long latestSeq, boolean isNew) {
            this.epoch = epoch;
            this.createdAt = createdAt;
            this.latestSeq = latestSeq;
            this.isNew = isNew;
        }

        static Head of(HeadRow row) {
            return row == null
                    ? new Head(newEpoch(), -1, 0, true)
                    : new Head(row.epoch(), row.createdAtMillis(), row.latestSeq(), false);
        }

        private static String newEpoch() {
            return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        }
    }

    /** The rows one batch writes and the answers it gives once committed. */
    private static final class Plan {
        final long now;
        final Map<SessionId, Head> heads = new LinkedHashMap<>();
        final List<Object[]> events = new ArrayList<>();
        final List<Object[]> clientMessages = new ArrayList<>();
        final List<Object[]> snapshots = new ArrayList<>();
        final List<Runnable> completions = new ArrayList<>();
        final Map<ClientKey, SeqRange> appendedNow = new HashMap<>();

        final SqlDialect dialect;

        Plan(long now, SqlDialect dialect) {
            this.now = now;
            this.dialect = dialect;
        }

        void append(PendingWrite.Append a, Head head, Map<ClientKey, SeqRange> seen) {
            AppendRequest r = a.request();
            SessionId id = r.sessionId();
            ClientKey key = r.clientMsgId().map(m -> new ClientKey(id, m)).orElse(null);
            SeqRange earlier = key == null ? null : seen.getOrDefault(key, appendedNow.get(key));
            if (earlier != null) {
                var result = new AppendResult.Appended(id, earlier.first(), earlier.last(), true);
                completions.add(() -> a.future().complete(result));
                return;
            }
            if (r.expectedSeq() != head.latestSeq) {
                var result = new AppendResult.Conflict(id, r.expectedSeq(), head.latestSeq);
                completions.add(() -> a.future().complete(result));
                return;
            }
            long first = head.latestSeq + 1;
            String clientMsgId = r.clientMsgId().orElse(null);
            for (NewEvent e : r.events()) {
                events.add(new Object[] {id.value(), ++head.latestSeq, e.type(), e.payload(), clientMsgId, now});
            }
            head.changed = true;
            long last = head.latestSeq;
            if (key != null) {
                appendedNow.put(key, new SeqRange(first, last));
                clientMessages.add(new Object[] {id.value(), clientMsgId, first, last});
            }
            var result = new AppendResult.Appended(id, first, last, false);
            completions.add(() -> a.future().complete(result));
        }

        void snapshot(PendingWrite.SaveSnapshot s, Head head) {
            if (s.seq() > head.latestSeq) {
                var failure = new IllegalArgumentException("cannot snapshot session " + s.sessionId()
                        + " at seq " + s.seq() + ": its latest event is " + head.latestSeq);
                completions.add(() -> s.future().completeExceptionally(failure));
                return;
            }
            snapshots.add(new Object[] {s.sessionId().value(), s.seq(), s.state(), now});
            completions.add(() -> s.future().complete(null));
        }

        /** A fixed handful of statements per batch, whatever its size; snapshots are rare and go alone. */
        void execute(Connection c) throws SQLException {
            List<Object[]> movedHeads = new ArrayList<>();
            heads.forEach((id, h) -> {
                if (h.changed) {
                    movedHeads.add(new Object[] {id.value(), h.epoch, h.latestSeq, h.isNew ? now : h.createdAt, now});
                }
            });
            dialect.writeRows(c, events, clientMessages, movedHeads);
            Rows.executeBatch(c, "INSERT INTO snapshots (session_id, seq, state, created_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (session_id, seq) DO UPDATE SET state = excluded.state,"
                    + " created_at = excluded.created_at", snapshots);
        }
    }
}
