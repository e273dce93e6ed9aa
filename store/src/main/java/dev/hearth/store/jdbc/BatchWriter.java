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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Plan plan = plan(c, batch);
                plan.execute(c);
                c.commit();
                return plan.completions;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
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
        Map<SessionId, HeadRow> stored = dialect.lockHeads(c, sessions);
        Map<ClientKey, SeqRange> seen = dialect.findClientMessages(c, keys);

        long now = clock.millis();
        Plan plan = new Plan(now);
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

        Plan(long now) {
            this.now = now;
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

        void execute(Connection c) throws SQLException {
            List<Object[]> newHeads = new ArrayList<>();
            List<Object[]> movedHeads = new ArrayList<>();
            heads.forEach((id, h) -> {
                if (h.changed && h.isNew) {
                    newHeads.add(new Object[] {id.value(), h.epoch, h.latestSeq, now, now});
                } else if (h.changed) {
                    movedHeads.add(new Object[] {h.latestSeq, now, id.value()});
                }
            });
            run(c, "INSERT INTO sessions (session_id, epoch, latest_seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    newHeads);
            run(c, "UPDATE sessions SET latest_seq = ?, updated_at = ? WHERE session_id = ?", movedHeads);
            run(c, "INSERT INTO events (session_id, seq, type, payload, client_msg_id, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", events);
            run(c, "INSERT INTO client_messages (session_id, client_msg_id, first_seq, last_seq) VALUES (?, ?, ?, ?)",
                    clientMessages);
            run(c, "INSERT INTO snapshots (session_id, seq, state, created_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (session_id, seq) DO UPDATE SET state = excluded.state, created_at = excluded.created_at",
                    snapshots);
        }

        private static void run(Connection c, String sql, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(ps, i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            switch (value) {
                case null -> ps.setNull(index, Types.VARCHAR);
                case String s -> ps.setString(index, s);
                case Long l -> ps.setLong(index, l);
                case byte[] b -> ps.setBytes(index, b);
                default -> throw new IllegalStateException("unexpected column value " + value.getClass());
            }
        }
    }
}
