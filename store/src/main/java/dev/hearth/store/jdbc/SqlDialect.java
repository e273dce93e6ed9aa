package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The statements whose SQL differs between engines; everything else is standard SQL in {@link BatchWriter}. */
sealed interface SqlDialect permits SqliteDialect, PostgresDialect {

    /**
     * Reads, inside the writer's transaction, the heads of these sessions and the ranges already
     * appended for these client message ids. On engines with row locks the heads stay locked until
     * commit, so two nodes never assign the same sequence numbers. Sessions without a head and ids
     * never seen are absent from the result.
     */
    BatchState readForBatch(Connection c, Collection<SessionId> sessions, Collection<ClientKey> keys) throws SQLException;

    /**
     * Inserts the batch's events ({@code session_id, seq, type, payload, client_msg_id,
     * recorded_at}) and client messages ({@code session_id, client_msg_id, first_seq, last_seq}),
     * and inserts or moves its heads ({@code session_id, epoch, latest_seq, created_at,
     * updated_at}), in as few statements as the engine allows.
     */
    void writeRows(Connection c, List<Object[]> events, List<Object[]> clientMessages, List<Object[]> heads)
            throws SQLException;

    /** Sets up the connection the writer keeps for its batches, once, before its first batch. */
    void prepareWriter(Connection c) throws SQLException;

    /** True when a statement failed on a unique key: another node raced this batch, which is retried. */
    boolean isUniqueViolation(SQLException e);

    /** What a batch found in the database before deciding. */
    record BatchState(Map<SessionId, HeadRow> heads, Map<ClientKey, SeqRange> clientMessages) {}

    /** A session's head as stored. */
    record HeadRow(String epoch, long latestSeq, long createdAtMillis) {}

    /** A client message id within its session. */
    record ClientKey(SessionId sessionId, String clientMsgId) {}

    /** The sequence numbers one append took. */
    record SeqRange(long first, long last) {}
}
