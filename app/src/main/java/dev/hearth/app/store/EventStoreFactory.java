package dev.hearth.app.store;

import dev.hearth.app.config.HearthConfig;
import dev.hearth.app.config.Secret;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.StoreException;
import dev.hearth.store.postgres.PostgresEventStore;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;

/**
 * Opens the event store a configuration names: PostgreSQL when {@code db.url} is set, otherwise the
 * embedded SQLite file {@code hearth.db} in {@code data.dir}. Accounts live on the same database
 * ({@link JdbcEventStore#accounts()}).
 */
public final class EventStoreFactory {

    private EventStoreFactory() {}

    /**
     * Opens (creating or migrating as needed) the configured store, its meters registered in {@code
     * registry}. The caller owns the store and closes it.
     *
     * <p>This does not lock the data directory; {@link DataDirectoryLock} does, for a process that
     * serves.
     *
     * @throws StoreException with a message for the operator when the store cannot be opened
     *     (unwritable directory, a file that is not Hearth's SQLite database, PostgreSQL unreachable)
     */
    public static JdbcEventStore open(HearthConfig config, MeterRegistry registry) {
        HearthConfig.Db db = config.db();
        if (db.url().isPresent()) {
            var options = new PostgresEventStore.Options(
                    db.url().get().jdbcUrl(),
                    db.effectiveUser().orElse(null),
                    db.effectivePassword().map(Secret::value).orElse(null),
                    db.schema(),
                    db.poolSize(),
                    db.connectTimeout());
            return PostgresEventStore.open(options, config.store().groupCommit(), InstantSource.system(), registry);
        }
        // The pool size counts every connection; SQLite's writer has its own, the rest read.
        var options = new SqliteEventStore.Options(
                config.data().sqliteFile(), config.store().sqliteSynchronous(), db.poolSize() - 1);
        return SqliteEventStore.open(options, config.store().groupCommit(), InstantSource.system(), registry);
    }
}
