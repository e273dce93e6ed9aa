package dev.hearth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("hearth.db");
    }

    @Override
    protected EventStore openOnTestDatabase(GroupCommitSettings settings, InstantSource clock, MeterRegistry registry) {
        return SqliteEventStore.open(SqliteEventStore.Options.at(file()), settings, clock, registry);
    }

    @Override
    protected void makeInsertsFail(SessionId session) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER fail_" + session.value().replace('-', '_') + " BEFORE INSERT ON events"
                    + " WHEN NEW.session_id = '" + session.value() + "'"
                    + " BEGIN SELECT RAISE(ABORT, 'inserts fail for this test'); END");
        }
    }

    @Override
    protected AutoCloseable holdWriteLock() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        c.createStatement().execute("BEGIN IMMEDIATE");
        return () -> {
            c.createStatement().execute("ROLLBACK");
            c.close();
        };
    }

    @Test
    void a_file_that_is_not_sqlite_is_refused_and_left_untouched() throws Exception {
        byte[] content = "these are my campaign notes, not a database".getBytes();
        Files.write(file(), content);

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a SQLite database")
                .hasMessageContaining("--data");
        assertThat(Files.readAllBytes(file())).isEqualTo(content);
    }

    @Test
    void a_sqlite_database_of_another_program_is_refused_and_left_untouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
            st.execute("INSERT INTO recipes VALUES ('stew')");
        }
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("did not create")
                .hasMessageContaining("recipes");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(dir.resolve("hearth.db-wal")).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_named_in_the_error() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");

        assertThatThrownBy(() -> SqliteEventStore.open(SqliteEventStore.Options.at(notADirectory.resolve("hearth.db")),
                        GroupCommitSettings.DEFAULT, InstantSource.system(), meters))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("data directory " + notADirectory)
                .hasMessageContaining("not writable");
    }

    @Test
    void the_database_runs_in_wal_mode() throws Exception {
        open().append(AppendRequest.of(SessionId.of("s"), 0, java.util.List.of(event("x")))).join();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        assertThat(open().listSessions(Optional.empty(), 10)).hasSize(1);
    }
}
