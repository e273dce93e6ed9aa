package dev.hearth.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.app.config.ConfigLoader;
import dev.hearth.app.config.HearthConfig;
import dev.hearth.core.session.SessionId;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.EventStore;
import dev.hearth.store.NewEvent;
import dev.hearth.store.StoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreFactoryTest {

    /** The test database of the whole suite (README: PostgreSQL at 127.0.0.1:5432, database test, trust auth). */
    private static final String POSTGRES = System.getProperty("hearth.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("hearth.test.pg.user", "postgres");

    @TempDir
    Path dir;

    @Test
    void without_a_db_url_the_store_is_the_sqlite_file_in_the_data_directory() throws Exception {
        HearthConfig config = HearthConfig.defaults().withDataDir(dir.resolve("data"));

        try (EventStore store = EventStoreFactory.open(config, new SimpleMeterRegistry())) {
            store.append(AppendRequest.of(SessionId.of("s1"), 0, List.of(new NewEvent("test.happened", new byte[0]))))
                    .get(10, TimeUnit.SECONDS);
            assertThat(store.engine()).isEqualTo("sqlite");
        }
        assertThat(dir.resolve("data/hearth.db")).isRegularFile();
    }

    @Test
    void a_file_that_is_not_sqlite_is_refused_and_left_as_it_was() throws Exception {
        Files.writeString(dir.resolve("hearth.db"), "my campaign notes");

        assertThatThrownBy(() -> EventStoreFactory.open(HearthConfig.defaults().withDataDir(dir), new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a SQLite database");
        assertThat(Files.readString(dir.resolve("hearth.db"))).isEqualTo("my campaign notes");
    }

    @Test
    void a_postgresql_db_url_opens_the_postgresql_store_in_the_configured_schema() throws Exception {
        String schema = "app_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HearthConfig config = new ConfigLoader(Map.of(
                        "HEARTH_DB_URL", POSTGRES,
                        "HEARTH_DB_SCHEMA", schema,
                        "HEARTH_DB_USER", USER))
                .load(Optional.empty(), List.of())
                .config();
        try {
            try (EventStore store = EventStoreFactory.open(config, new SimpleMeterRegistry())) {
                store.checkReachable();
                assertThat(store.engine()).isEqualTo("postgresql");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRES, USER, null)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
