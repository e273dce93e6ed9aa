package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite: the writer's transaction begins IMMEDIATE, taking the database's single write lock, so
 * plain reads suffice. Statements are in-process calls with no round trip to save, so one prepared
 * statement executed per row beats a multi-row statement that must be parsed anew each batch.
 */
final class SqliteDialect implements SqlDialect {

    /** Stays well under SQLite's bound-parameter limit. */
    private static final int IN_LIST_CHUNK = 500;

    private static final int SQLITE_CONSTRAINT = 19;

    @Override
    public BatchState readForBatch(Connection c, Collection<SessionId> sessions, Collection<ClientKey> keys)
            throws SQLException {
        return new BatchState(heads(c, sessions), clientMessages(c, keys));
    }

    @Override
    public void writeRows(Connection c, List<Object[]> events, List<Object[]> clientMessages, List<Object[]> heads)
            throws SQLException {
        Rows.executeBatch(c, "INSERT INTO events (session_id, seq, type, payload, client_msg_id, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", events);
        Rows.executeBatch(c, "INSERT INTO client_messages (session_id, client_msg_id, first_seq, last_seq)"
                + " VALUES (?, ?, ?, ?)", clientMessages);
        Rows.executeBatch(c, "INSERT INTO sessions (session_id, epoch, latest_seq, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET latest_seq = excluded.latest_seq,"
                + " updated_at = excluded.updated_at", heads);
    }

    private static Map<SessionId, HeadRow> heads(Connection c, Collection<SessionId> sessions) throws SQLException {
        Map<SessionId, HeadRow> heads = new HashMap<>();
        List<SessionId> all = new ArrayList<>(sessions);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            List<SessionId> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
            String sql = "SELECT session_id, epoch, latest_seq, created_at FROM sessions WHERE session_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.put(SessionId.of(rs.getString(1)), new HeadRow(rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
        }
        return heads;
    }

    private static Map<ClientKey, SeqRange> clientMessages(Connection c, Collection<ClientKey> keys) throws SQLException {
        Map<ClientKey, SeqRange> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_seq, last_seq FROM client_messages WHERE session_id = ? AND client_msg_id = ?")) {
            for (ClientKey key : keys) {
                ps.setString(1, key.sessionId().value());
                ps.setString(2, key.clientMsgId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.put(key, new SeqRange(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The writer never checkpoints: a checkpoint copies the WAL into the database file and syncs it,
     * which inside a commit would stall every write queued behind it. The SQLite store runs
     * checkpoints on a connection of their own instead ({@code WalCheckpointer}).
     */
    @Override
    public void prepareWriter(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("PRAGMA wal_autocheckpoint = 0");
        }
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == SQLITE_CONSTRAINT
                && e.getMessage() != null
                && (e.getMessage().contains("UNIQUE") || e.getMessage().contains("PRIMARY KEY"));
    }
}
