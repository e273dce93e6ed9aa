package dev.hearth.store.campaigns;

import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.accounts.AccountStore;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.postgres.PostgresEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The campaign contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    static final String URL = System.getProperty("hearth.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("hearth.test.pg.user", "postgres");

    final String schema = "hearth_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private JdbcEventStore events;

    @BeforeEach
    void open() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "). These contract tests need it: start it (pg_ctlcluster <version> main start) and run again.", e);
        }
        events = PostgresEventStore.open(new PostgresEventStore.Options(URL, USER, "", schema, 10, Duration.ofSeconds(5)),
                GroupCommitSettings.DEFAULT, InstantSource.fixed(NOW), new SimpleMeterRegistry());
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (events != null) {
            events.close();
        }
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    protected CampaignStore store() {
        return events.campaigns();
    }

    @Override
    protected AccountStore accounts() {
        return events.accounts();
    }
}
