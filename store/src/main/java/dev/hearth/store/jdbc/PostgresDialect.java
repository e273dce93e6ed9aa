package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL: several nodes may write the same session, so heads are locked with {@code FOR UPDATE}
 * and the primary key {@code (session_id, seq)} is the final arbiter. A batch is three round trips
 * whatever its size (read, write, commit), because the network, not the server, is what a
 * transaction of small rows mostly waits for.
 */
final class PostgresDialect implements SqlDialect {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * One round trip: the heads, locked in id order so two writers never deadlock, and the client
     * message ids already seen, each row tagged with what it is.
     */
    @Override
    public BatchState readForBatch(Connection c, Collection<SessionId> sessions, Collection<ClientKey> keys)
            throws SQLException {
        Map<SessionId, HeadRow> heads = new HashMap<>();
        Map<ClientKey, SeqRange> seen = new HashMap<>();
        Array ids = c.createArrayOf("text", sessions.stream().map(SessionId::value).sorted().toArray());
        Array keySessions = c.createArrayOf("text", keys.stream().map(k -> k.sessionId().value()).toArray());
        Array keyIds = c.createArrayOf("text", keys.stream().map(ClientKey::clientMsgId).toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "WITH locked AS (SELECT session_id, epoch, latest_seq, created_at FROM sessions"
                        + "   WHERE session_id = ANY(?) ORDER BY session_id FOR UPDATE)"
                        + " SELECT 'h', session_id, epoch, latest_seq, created_at FROM locked"
                        + " UNION ALL"
                        // LATERAL ... LIMIT 1 keeps each key an index probe even under a plan made
                        // while the table was empty; a plain join would turn into full scans.
                        + " SELECT 'm', k.sid, k.cid, m.first_seq, m.last_seq"
                        + "   FROM unnest(?::text[], ?::text[]) AS k(sid, cid)"
                        + "   CROSS JOIN LATERAL (SELECT first_seq, last_seq FROM client_messages c"
                        + "     WHERE c.session_id = k.sid AND c.client_msg_id = k.cid LIMIT 1) m")) {
            ps.setArray(1, ids);
            ps.setArray(2, keySessions);
            ps.setArray(3, keyIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SessionId session = SessionId.of(rs.getString(2));
                    if (rs.getString(1).equals("h")) {
                        heads.put(session, new HeadRow(rs.getString(3), rs.getLong(4), rs.getLong(5)));
                    } else {
                        seen.put(new ClientKey(session, rs.getString(3)), new SeqRange(rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
        } finally {
            ids.free();
            keySessions.free();
            keyIds.free();
        }
        return new BatchState(heads, seen);
    }

    /**
     * One round trip and one statement plan for any batch size: each table's rows travel as
     * column arrays and are unnested by data-modifying CTEs. If another node raced a new session,
     * the events' primary key fails the whole statement and the writer decides the batch again.
     */
    @Override
    public void writeRows(Connection c, List<Object[]> events, List<Object[]> clientMessages, List<Object[]> heads)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "WITH e AS (INSERT INTO events (session_id, seq, type, payload, client_msg_id, recorded_at)"
                        + "   SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::bytea[], ?::text[], ?::bigint[])),"
                        + " m AS (INSERT INTO client_messages (session_id, client_msg_id, first_seq, last_seq)"
                        + "   SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[]))"
                        + " INSERT INTO sessions (session_id, epoch, latest_seq, created_at, updated_at)"
                        + "   SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])"
                        + " ON CONFLICT (session_id) DO UPDATE SET latest_seq = excluded.latest_seq,"
                        + "   updated_at = excluded.updated_at")) {
            int index = 1;
            index = bindColumns(c, ps, index, events, "text", "int8", "text", "bytea", "text", "int8");
            index = bindColumns(c, ps, index, clientMessages, "text", "text", "int8", "int8");
            bindColumns(c, ps, index, heads, "text", "text", "int8", "int8", "int8");
            ps.executeUpdate();
        }
    }

    /** Binds each column of {@code rows} as one array parameter; returns the next parameter index. */
    private static int bindColumns(Connection c, PreparedStatement ps, int index, List<Object[]> rows, String... types)
            throws SQLException {
        for (int column = 0; column < types.length; column++) {
            Object[] values = types[column].equals("bytea") ? new byte[rows.size()][] : new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = rows.get(r)[column];
            }
            ps.setArray(index++, c.createArrayOf(types[column], values));
        }
        return index;
    }

    /**
     * The writer's statements run thousands of times while their tables grow from empty: a cached
     * generic plan made early (a sequential scan of a small table) would stay and slow every batch
     * as the log grows. Planning each execution for its actual arguments costs far less.
     */
    @Override
    public void prepareWriter(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET plan_cache_mode = force_custom_plan");
        }
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
