package dev.hearth.store;

import dev.hearth.store.postgres.PostgresEventStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema for each test, at 127.0.0.1:5432, database {@code test} (or the
 * {@code hearth.test.pg.url} and {@code hearth.test.pg.user} system properties). Register it on an
 * instance field with {@code @RegisterExtension}: before each test it fails with the fix if
 * PostgreSQL is not reachable; after each test, after the test's own {@code @AfterEach} methods
 * have closed its stores, it drops the schema.
 */
public final class PostgresTestSchema implements BeforeEachCallback, AfterEachCallback {

    public static final String URL = System.getProperty("hearth.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("hearth.test.pg.user", "postgres");

    private final String name = "hearth_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** The schema's name, for options and for SQL that names its tables. */
    public String name() {
        return name;
    }

    /** Options for a store in this schema. */
    public PostgresEventStore.Options options(int poolSize) {
        return new PostgresEventStore.Options(URL, USER, "", name, poolSize, Duration.ofSeconds(5));
    }

    /** A connection of the test's own, outside any store. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try (Connection c = connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). These contract tests need it: start it (pg_ctlcluster <version> main start) and run again.", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
