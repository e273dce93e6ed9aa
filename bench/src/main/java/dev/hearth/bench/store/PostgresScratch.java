package dev.hearth.bench.store;

import dev.hearth.store.EventStore;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.StoreException;
import dev.hearth.store.postgres.PostgresEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A schema of its own ({@code hearth_bench_<random>}) in the given database, dropped with
 * everything in it on close. The store creates and migrates it on first open.
 */
final class PostgresScratch implements ScratchDatabase {

    private final DatabaseSettings settings;
    private final String schema;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresScratch(DatabaseSettings settings, String schema) {
        this.settings = settings;
        this.schema = schema;
    }

    static PostgresScratch create(DatabaseSettings settings) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return new PostgresScratch(settings, "hearth_bench_" + HexFormat.of().formatHex(random));
    }

    static String engineVersion(DatabaseSettings settings) {
        try (Connection c = connect(settings);
                ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new StoreException("cannot reach PostgreSQL at " + settings.pgUrl() + " as '" + settings.pgUser()
                    + "': " + e.getMessage() + ". Start it, or pass --pg-url/--pg-user, or leave it out with --engines sqlite.", e);
        }
    }

    @Override
    public EventStore open(GroupCommitSettings groupCommit, MeterRegistry registry) {
        var options = new PostgresEventStore.Options(settings.pgUrl(), settings.pgUser(), settings.pgPassword(), schema,
                settings.pgPoolSize(), Duration.ofSeconds(5));
        return PostgresEventStore.open(options, groupCommit, InstantSource.system(), registry);
    }

    @Override
    public String location() {
        return settings.pgUrl() + " schema " + schema;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Connection c = connect(settings)) {
            // The name is ours and matches [a-z0-9_]+, so it needs no quoting.
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("bench: could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
    }
}
