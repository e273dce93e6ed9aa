package dev.hearth.store.jdbc;

import dev.hearth.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Short transactions on pooled connections, for the relational records beside the event log. A
 * failure rolls back and is thrown as a {@link StoreException} naming what was being done.
 */
public final class Transactions {

    private final Engine engine;
    private final DataSource dataSource;

    /** Uses, but does not own, {@code dataSource}. */
    public Transactions(Engine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    public Engine engine() {
        return engine;
    }

    /** Runs {@code body} in one transaction and commits it, unless it throws. */
    public <T> T run(String what, Work<T> body) {
        return inTransaction(what, body, false);
    }

    /**
     * Runs a {@code body} that only reads, in one transaction. On SQLite it begins DEFERRED: in WAL
     * mode a reader then takes no lock at all, where the IMMEDIATE begin that writes need would queue
     * every sign-in check and membership lookup behind the event log's writer (and fail them with
     * SQLITE_BUSY under a burst of connections).
     */
    public <T> T read(String what, Work<T> body) {
        return inTransaction(what, body, true);
    }

    private <T> T inTransaction(String what, Work<T> body, boolean readOnly) {
        try (Connection c = dataSource.getConnection()) {
            SQLiteConnection sqlite = readOnly && engine == Engine.SQLITE ? c.unwrap(SQLiteConnection.class) : null;
            if (sqlite != null) {
                sqlite.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            }
            try {
                return transaction(c, body);
            } finally {
                if (sqlite != null) {
                    sqlite.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " (" + engine.id() + "): " + e.getMessage(), e);
        }
    }

    private static <T> T transaction(Connection c, Work<T> body) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = body.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** One parameterised statement; values are bound in order. Returns the rows it changed. */
    public static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** The body of a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }
}
