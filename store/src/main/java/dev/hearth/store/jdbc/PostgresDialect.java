package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL: several nodes may write the same session, so heads are locked with {@code FOR UPDATE}
 * (in id order, so two writers never deadlock) and the primary key {@code (session_id, seq)} is the
 * final arbiter. Each lookup is one round trip whatever the batch size, using arrays.
 */
final class PostgresDialect implements SqlDialect {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public Map<SessionId, HeadRow> lockHeads(Connection c, Collection<SessionId> sessions) throws SQLException {
        Map<SessionId, HeadRow> heads = new HashMap<>();
        Array ids = c.createArrayOf("text", sessions.stream().map(SessionId::value).sorted().toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT session_id, epoch, latest_seq, created_at FROM sessions"
                        + " WHERE session_id = ANY(?) ORDER BY session_id FOR UPDATE")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(SessionId.of(rs.getString(1)), new HeadRow(rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        } finally {
            ids.free();
        }
        return heads;
    }

    @Override
    public Map<ClientKey, SeqRange> findClientMessages(Connection c, Collection<ClientKey> keys) throws SQLException {
        Map<ClientKey, SeqRange> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Array sessionIds = c.createArrayOf("text", keys.stream().map(k -> k.sessionId().value()).toArray());
        Array msgIds = c.createArrayOf("text", keys.stream().map(ClientKey::clientMsgId).toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT m.session_id, m.client_msg_id, m.first_seq, m.last_seq FROM client_messages m"
                        + " JOIN unnest(?::text[], ?::text[]) AS k(sid, cid)"
                        + " ON m.session_id = k.sid AND m.client_msg_id = k.cid")) {
            ps.setArray(1, sessionIds);
            ps.setArray(2, msgIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(new ClientKey(SessionId.of(rs.getString(1)), rs.getString(2)),
                            new SeqRange(rs.getLong(3), rs.getLong(4)));
                }
            }
        } finally {
            sessionIds.free();
            msgIds.free();
        }
        return found;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
