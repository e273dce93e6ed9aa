package dev.hearth.store.jdbc;

import java.sql.SQLException;

/** The SQL engines the store runs on; each has a dialect for the few statements that differ. */
public enum Engine {
    SQLITE("sqlite", new SqliteDialect()),
    POSTGRESQL("postgresql", new PostgresDialect());

    private final String id;
    private final SqlDialect dialect;

    Engine(String id, SqlDialect dialect) {
        this.id = id;
        this.dialect = dialect;
    }

    public String id() {
        return id;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** True when a statement failed on a unique key or primary key. */
    public boolean isUniqueViolation(SQLException e) {
        return dialect.isUniqueViolation(e);
    }
}
