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
 * plain reads suffice. Lookups are in-process calls, so a loop of indexed reads costs microseconds.
 */
final class SqliteDialect implements SqlDialect {

    /** Stays well under SQLite's bound-parameter limit. */
    private static final int IN_LIST_CHUNK = 500;

    private static final int SQLITE_CONSTRAINT = 19;

    @Override
    public Map<SessionId, HeadRow> lockHeads(Connection c, Collection<SessionId> sessions) throws SQLException {
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

    @Override
    public Map<ClientKey, SeqRange> findClientMessages(Connection c, Collection<ClientKey> keys) throws SQLException {
        Map<ClientKey, SeqRange> found = new HashMap<>();
        List<ClientKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            List<ClientKey> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
            // Joining from the literal keys walks the primary key once per key.
            String sql = "SELECT m.session_id, m.client_msg_id, m.first_seq, m.last_seq FROM (VALUES "
                    + MultiRow.placeholders(chunk.size(), 2) + ") AS k"
                    + " JOIN client_messages m ON m.session_id = k.column1 AND m.client_msg_id = k.column2";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 1;
                for (ClientKey key : chunk) {
                    ps.setString(index++, key.sessionId().value());
                    ps.setString(index++, key.clientMsgId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(new ClientKey(SessionId.of(rs.getString(1)), rs.getString(2)),
                                new SeqRange(rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == SQLITE_CONSTRAINT
                && e.getMessage() != null
                && (e.getMessage().contains("UNIQUE") || e.getMessage().contains("PRIMARY KEY"));
    }
}
