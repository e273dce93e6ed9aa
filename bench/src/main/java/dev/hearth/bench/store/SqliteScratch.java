package dev.hearth.bench.store;

import dev.hearth.store.EventStore;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.StoreException;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** A SQLite file in a directory of its own, deleted with the directory on close. */
final class SqliteScratch implements ScratchDatabase {

    private final Path dir;
    private final SqliteEventStore.Synchronous synchronous;
    private final String fileStoreType;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteScratch(Path dir, SqliteEventStore.Synchronous synchronous, String fileStoreType) {
        this.dir = dir;
        this.synchronous = synchronous;
        this.fileStoreType = fileStoreType;
    }

    static SqliteScratch create(DatabaseSettings settings) {
        try {
            Path dir = settings.sqliteDir().isPresent()
                    ? Files.createTempDirectory(Files.createDirectories(settings.sqliteDir().get()), "hearth-bench-")
                    : Files.createTempDirectory("hearth-bench-");
            return new SqliteScratch(dir, settings.sqliteSync(), Files.getFileStore(dir).type());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the SQLite benchmark file", e);
        }
    }

    static String engineVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new StoreException("cannot ask SQLite for its version: " + e.getMessage(), e);
        }
    }

    @Override
    public EventStore open(GroupCommitSettings settings, MeterRegistry registry) {
        // The read pool matters only for the audit; the writer has its own connection.
        var options = new SqliteEventStore.Options(dir.resolve("bench.db"), synchronous, 4);
        return SqliteEventStore.open(options, settings, InstantSource.system(), registry);
    }

    @Override
    public String location() {
        return dir + " (" + fileStoreType + ", synchronous=" + synchronous + ")";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
