package dev.hearth.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.StoreException;
import dev.hearth.store.jdbc.Engine;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.jdbc.Migrations;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the embedded store: one SQLite file in WAL mode, so readers never block the writer.
 *
 * <p>Opening checks before it writes anything: that the directory is writable, that an existing
 * file is a SQLite database, and that it is Hearth's. A file that fails a check is left untouched.
 */
public final class SqliteEventStore {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** How hard a commit tries to reach the disk: {@code FULL} survives power loss, {@code NORMAL} a process crash. */
    public enum Synchronous { NORMAL, FULL }

    /**
     * @param file the database file, created if absent
     * @param synchronous SQLite's {@code synchronous} setting for commits
     * @param readPoolSize connections for concurrent reads (the writer has one more)
     */
    public record Options(Path file, Synchronous synchronous, int readPoolSize) {
        public Options {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(synchronous, "synchronous");
            if (readPoolSize < 1) {
                throw new IllegalArgumentException("readPoolSize must be >= 1, was " + readPoolSize);
            }
        }

        public static Options at(Path file) {
            return new Options(file, Synchronous.FULL, 4);
        }
    }

    private SqliteEventStore() {}

    public static JdbcEventStore open(Options options, GroupCommitSettings settings, InstantSource clock, MeterRegistry registry) {
        Path file = options.file().toAbsolutePath();
        checkDirectory(file.getParent());
        checkExistingFile(file);
        checkOwnedByHearth(file);
        HikariDataSource dataSource = dataSource(file, options);
        try {
            Migrations.migrate(dataSource, Engine.SQLITE, null, "The SQLite file " + file);
            WalCheckpointer checkpointer = startCheckpointer(file, options);
            return new JdbcEventStore(Engine.SQLITE, dataSource, settings, clock, registry, checkpointer);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void checkDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".hearth-write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StoreException("The data directory " + dir + " is not writable (" + e
                    + "). Fix its permissions or choose another directory with --data.", e);
        }
    }

    private static void checkExistingFile(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + " is not a regular file. Hearth keeps its database there:"
                    + " move it aside or choose another directory with --data.");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            if (read == 0) {
                return; // an empty file is a new database
            }
            if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new StoreException(file + " is not a SQLite database (it is corrupt or another kind of file)."
                        + " Hearth does not overwrite it: move it aside or choose another directory with --data.");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static WalCheckpointer startCheckpointer(Path file, Options options) {
        try {
            return WalCheckpointer.start(file, connectionConfig(options));
        } catch (SQLException e) {
            throw new StoreException("cannot open the SQLite file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every connection to the file: WAL, the configured durability, and patience with locks. */
    private static SQLiteConfig connectionConfig(Options options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(options.synchronous().name()));
        config.setBusyTimeout(10_000);
        // The writer's transactions take the write lock at BEGIN, so they never fail half-way on a lock upgrade.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static HikariDataSource dataSource(Path file, Options options) {
        SQLiteDataSource sqlite = new SQLiteDataSource(connectionConfig(options));
        sqlite.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("hearth-sqlite");
        pool.setMaximumPoolSize(options.readPoolSize() + 1);
        pool.setMinimumIdle(1);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the SQLite file " + file + ": " + rootMessage(e), e);
        }
    }

    /**
     * A database with tables but no migration history was made by something else: refuse it. The
     * check reads through a read-only connection, before anything (WAL mode included) is set.
     */
    private static void checkOwnedByHearth(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + file);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            if (!tables.isEmpty() && !tables.contains("flyway_schema_history")) {
                throw new StoreException(file + " is a SQLite database that Hearth did not create (tables: "
                        + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                        + "). Hearth leaves it untouched: choose another directory with --data.");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the SQLite file " + file + " (" + e.getMessage()
                    + "). If it is corrupt, restore it from a backup or move it aside.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
