package dev.hearth.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.postgres.PostgresEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresEventStoreTest extends EventStoreContract {

    @RegisterExtension
    final PostgresTestSchema pg = new PostgresTestSchema();
    final String schema = pg.name();

    Connection connect() throws SQLException {
        return pg.connect();
    }

    @Override
    protected EventStore openOnTestDatabase(GroupCommitSettings settings, InstantSource clock, MeterRegistry registry) {
        return PostgresEventStore.open(pg.options(4), settings, clock, registry);
    }

    @Override
    protected void makeInsertsFail(SessionId session) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE FUNCTION " + schema + ".fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN RAISE EXCEPTION 'inserts fail for this test'; END $$");
            st.execute("CREATE TRIGGER fail_insert BEFORE INSERT ON " + schema + ".events FOR EACH ROW"
                    + " WHEN (NEW.session_id = '" + session.value() + "') EXECUTE FUNCTION " + schema + ".fail_insert()");
        }
    }

    @Override
    protected AutoCloseable holdWriteLock() throws Exception {
        Connection c = connect();
        c.setAutoCommit(false);
        c.createStatement().execute("LOCK TABLE " + schema + ".sessions IN EXCLUSIVE MODE");
        return () -> {
            c.rollback();
            c.close();
        };
    }

    @Test
    void an_unreachable_server_is_named_in_the_error_with_the_fix() {
        var options = new PostgresEventStore.Options(
                "jdbc:postgresql://127.0.0.1:1/test", PostgresTestSchema.USER, "", schema, 2, Duration.ofMillis(500));

        assertThatThrownBy(() -> PostgresEventStore.open(options, GroupCommitSettings.DEFAULT, InstantSource.system(), meters))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/test")
                .hasMessageContaining("--db");
    }

    @Test
    void a_schema_holding_foreign_tables_is_refused_and_left_untouched() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".invoices (id int)");
        }

        assertThatThrownBy(this::open).isInstanceOf(StoreException.class).hasMessageContaining("did not create");
        try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
            rs.next();
            org.assertj.core.api.Assertions.assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
