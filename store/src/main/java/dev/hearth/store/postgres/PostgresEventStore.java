package dev.hearth.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.StoreException;
import dev.hearth.store.jdbc.Engine;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.jdbc.Migrations;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens the PostgreSQL store, for several nodes sharing sessions: the primary key {@code
 * (session_id, seq)} and row locks on session heads keep every session's order whatever node writes.
 */
public final class PostgresEventStore {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * @param jdbcUrl a {@code jdbc:postgresql://} URL without credentials
     * @param schema the schema Hearth owns; created if absent
     */
    public record Options(String jdbcUrl, String user, String password, String schema, int poolSize, Duration connectTimeout) {
        public Options {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            if (!SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("invalid schema name '" + schema + "': expected [a-z_][a-z0-9_]*");
            }
            if (poolSize < 2) {
                throw new IllegalArgumentException("poolSize must be >= 2 (a writer and a reader), was " + poolSize);
            }
        }
    }

    private PostgresEventStore() {}

    public static JdbcEventStore open(Options options, GroupCommitSettings settings, InstantSource clock, MeterRegistry registry) {
        HikariDataSource dataSource = dataSource(options);
        try {
            Migrations.migrate(dataSource, Engine.POSTGRESQL, options.schema(),
                    "The PostgreSQL schema " + options.schema() + " at " + options.jdbcUrl());
            return new JdbcEventStore(Engine.POSTGRESQL, dataSource, settings, clock, registry, () -> {});
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource dataSource(Options options) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("hearth-postgresql");
        pool.setJdbcUrl(options.jdbcUrl());
        pool.setUsername(options.user());
        pool.setPassword(options.password());
        pool.setSchema(options.schema());
        pool.setMaximumPoolSize(options.poolSize());
        pool.setMinimumIdle(Math.min(2, options.poolSize()));
        pool.setConnectionTimeout(Math.max(250, options.connectTimeout().toMillis()));
        pool.setInitializationFailTimeout(Math.max(1, options.connectTimeout().toMillis()));
        // One INSERT with many rows instead of one per row: the batch writer's inserts become single round trips.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.addDataSourceProperty("ApplicationName", "hearth");
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to PostgreSQL at " + options.jdbcUrl() + " as user '"
                    + options.user() + "': " + rootMessage(e) + ". Check --db (or HEARTH_DB_URL) and that PostgreSQL"
                    + " is running and accepts connections.", e);
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
