package dev.hearth.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import dev.hearth.store.EventStore;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.SessionHead;
import dev.hearth.store.Snapshot;
import dev.hearth.store.StoreException;
import dev.hearth.store.StoredEvent;
import dev.hearth.store.accounts.AccountStore;
import dev.hearth.store.accounts.JdbcAccountStore;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.JdbcCampaignStore;
import dev.hearth.store.images.ImageStore;
import dev.hearth.store.images.JdbcImageStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventStore} on a JDBC database: writes go through one group-committing writer, reads
 * straight to the connection pool. Engines differ only in their {@link SqlDialect} and in how they
 * are opened ({@code store.sqlite}, {@code store.postgres}).
 */
public final class JdbcEventStore implements EventStore {

    /** Bounds a single read so one request cannot pull a whole history into memory. */
    public static final int MAX_READ_LIMIT = 10_000;

    private final Engine engine;
    private final HikariDataSource dataSource;
    private final GroupCommitter committer;
    private final StoreMetrics metrics;
    private final AutoCloseable companion;

    /**
     * Takes ownership of {@code dataSource}, whose schema must be migrated already, and of {@code
     * companion}, engine-specific upkeep that is closed after the last write and before the pool.
     */
    public JdbcEventStore(
            Engine engine,
            HikariDataSource dataSource,
            GroupCommitSettings settings,
            InstantSource clock,
            MeterRegistry registry,
            AutoCloseable companion) {
        this.engine = engine;
        this.companion = companion;
        this.dataSource = dataSource;
        this.metrics = new StoreMetrics(registry, engine.id());
        this.committer = new GroupCommitter(
                new BatchWriter(dataSource, engine.dialect(), clock, metrics), settings, "hearth-store-writer");
        metrics.watchQueue(committer::queueDepth);
    }

    @Override
    public CompletableFuture<AppendResult> append(AppendRequest request) {
        var future = new CompletableFuture<AppendResult>();
        committer.submit(new PendingWrite.Append(request, future, System.nanoTime()));
        return future;
    }

    @Override
    public CompletableFuture<Void> saveSnapshot(SessionId sessionId, long seq, byte[] state) {
        if (seq < 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("snapshot seq must be >= 1, was " + seq));
        }
        var future = new CompletableFuture<Void>();
        committer.submit(new PendingWrite.SaveSnapshot(sessionId, seq, state.clone(), future, System.nanoTime()));
        return future;
    }

    @Override
    public List<StoredEvent> read(SessionId sessionId, long afterSeq, int limit) {
        checkReadLimit(limit);
        return query("read events of session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, type, payload, client_msg_id, recorded_at FROM events"
                            + " WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
                ps.setString(1, sessionId.value());
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                return events(sessionId, ps);
            }
        });
    }

    /**
     * Walks the primary key {@code (session_id, seq)} backwards from {@code beforeSeq}, so a page
     * costs the same however long the history behind it, then turns the page into ascending order.
     */
    @Override
    public List<StoredEvent> readBefore(SessionId sessionId, long beforeSeq, int limit) {
        checkReadLimit(limit);
        return query("read events of session " + sessionId + " before " + beforeSeq, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, type, payload, client_msg_id, recorded_at FROM events"
                            + " WHERE session_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?")) {
                ps.setString(1, sessionId.value());
                ps.setLong(2, beforeSeq);
                ps.setInt(3, limit);
                return events(sessionId, ps).reversed();
            }
        });
    }

    @Override
    public long latestSeq(SessionId sessionId) {
        return head(sessionId).map(SessionHead::latestSeq).orElse(0L);
    }

    @Override
    public Optional<SessionHead> head(SessionId sessionId) {
        return query("read the head of session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT session_id, epoch, latest_seq, created_at, updated_at FROM sessions WHERE session_id = ?")) {
                ps.setString(1, sessionId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(head(rs)) : Optional.<SessionHead>empty();
                }
            }
        });
    }

    @Override
    public Optional<Snapshot> loadLatestSnapshot(SessionId sessionId, long atOrBeforeSeq) {
        return query("load a snapshot of session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, state, created_at FROM snapshots WHERE session_id = ? AND seq <= ?"
                            + " ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, sessionId.value());
                ps.setLong(2, atOrBeforeSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Snapshot(sessionId, rs.getLong(1), rs.getBytes(2),
                                    Instant.ofEpochMilli(rs.getLong(3))))
                            : Optional.<Snapshot>empty();
                }
            }
        });
    }

    @Override
    public List<SessionHead> listSessions(Optional<SessionId> after, int limit) {
        if (limit < 1 || limit > MAX_READ_LIMIT) {
            throw new IllegalArgumentException("list limit must be 1-" + MAX_READ_LIMIT + ", was " + limit);
        }
        return query("list sessions", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT session_id, epoch, latest_seq, created_at, updated_at FROM sessions"
                            + " WHERE session_id > ? ORDER BY session_id LIMIT ?")) {
                ps.setString(1, after.map(SessionId::value).orElse(""));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<SessionHead> heads = new ArrayList<>();
                    while (rs.next()) {
                        heads.add(head(rs));
                    }
                    return heads;
                }
            }
        });
    }

    @Override
    public void checkReachable() {
        query("check the database", c -> {
            if (!c.isValid(2)) {
                throw new SQLException("the connection did not answer within 2 s");
            }
            return null;
        });
    }

    /**
     * The accounts on this store's database: same connection pool, same migrations, so a deployment
     * has one database to run and back up. Valid until this store is closed.
     */
    public AccountStore accounts() {
        return new JdbcAccountStore(new Transactions(engine, dataSource));
    }

    /**
     * The campaigns on this store's database, on the same pool and migrations as {@link #accounts()}.
     * Valid until this store is closed.
     */
    public CampaignStore campaigns() {
        return new JdbcCampaignStore(new Transactions(engine, dataSource));
    }

    /**
     * The campaigns' images on this store's database, on the same pool and migrations as {@link
     * #campaigns()}. Valid until this store is closed.
     */
    public ImageStore images() {
        return new JdbcImageStore(new Transactions(engine, dataSource));
    }

    @Override
    public String engine() {
        return engine.id();
    }

    @Override
    public void close() {
        committer.close();
        try {
            companion.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(JdbcEventStore.class).warn("closing the {} store's upkeep failed: {}", engine.id(), e.toString());
        }
        dataSource.close();
        metrics.close();
    }

    private static void checkReadLimit(int limit) {
        if (limit < 1 || limit > MAX_READ_LIMIT) {
            throw new IllegalArgumentException("read limit must be 1-" + MAX_READ_LIMIT + ", was " + limit);
        }
    }

    /** The events {@code ps} selects as {@code seq, type, payload, client_msg_id, recorded_at}, in its order. */
    private static List<StoredEvent> events(SessionId sessionId, PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<StoredEvent> events = new ArrayList<>();
            while (rs.next()) {
                events.add(new StoredEvent(sessionId, rs.getLong(1), rs.getString(2), rs.getBytes(3),
                        Optional.ofNullable(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
            }
            return events;
        }
    }

    private static SessionHead head(ResultSet rs) throws SQLException {
        return new SessionHead(SessionId.of(rs.getString(1)), rs.getString(2), rs.getLong(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)));
    }

    private <T> T query(String what, SqlFunction<T> body) {
        try (Connection c = dataSource.getConnection()) {
            return body.apply(c);
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " (" + engine.id() + "): " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }
}
