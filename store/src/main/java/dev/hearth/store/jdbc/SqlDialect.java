package dev.hearth.store.jdbc;

import dev.hearth.core.session.SessionId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/** The statements whose SQL differs between engines; everything else is standard SQL in {@link BatchWriter}. */
sealed interface SqlDialect permits SqliteDialect, PostgresDialect {

    /**
     * Reads the heads of these sessions inside the writer's transaction and, on engines with row
     * locks, locks them until commit so that two nodes never assign the same sequence numbers.
     * Sessions without a head are absent from the result.
     */
    Map<SessionId, HeadRow> lockHeads(Connection c, Collection<SessionId> sessions) throws SQLException;

    /** The ranges already appended for these client message ids; keys not found are absent. */
    Map<ClientKey, SeqRange> findClientMessages(Connection c, Collection<ClientKey> keys) throws SQLException;

    /** True when a statement failed on a unique key: another node raced this batch, which is retried. */
    boolean isUniqueViolation(SQLException e);

    /** A session's head as stored. */
    record HeadRow(String epoch, long latestSeq, long createdAtMillis) {}

    /** A client message id within its session. */
    record ClientKey(SessionId sessionId, String clientMsgId) {}

    /** The sequence numbers one append took. */
    record SeqRange(long first, long last) {}
}
