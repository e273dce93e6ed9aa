package dev.hearth.store;

import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.postgres.PostgresEventStore;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link JdbcEventStore} opened before each test and closed after it, for the contracts of the
 * records beside the event log (accounts, campaigns): on a SQLite file in a directory of its own,
 * deleted afterwards, or in a fresh PostgreSQL schema ({@link PostgresTestSchema}), dropped
 * afterwards. Register it on an instance field with {@code @RegisterExtension}.
 */
public final class TestStore implements BeforeEachCallback, AfterEachCallback {

    private final InstantSource clock;
    private final PostgresTestSchema schema;
    private Path directory;
    private JdbcEventStore store;

    private TestStore(InstantSource clock, PostgresTestSchema schema) {
        this.clock = clock;
        this.schema = schema;
    }

    public static TestStore sqlite(InstantSource clock) {
        return new TestStore(clock, null);
    }

    public static TestStore postgres(InstantSource clock) {
        return new TestStore(clock, new PostgresTestSchema());
    }

    /** The SQLite file of the running test (SQLite only). */
    public Path sqliteFile() {
        return directory.resolve("hearth.db");
    }

    /** The store of the running test. */
    public JdbcEventStore events() {
        return store;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (schema == null) {
            directory = Files.createTempDirectory("hearth-test");
            store = SqliteEventStore.open(SqliteEventStore.Options.at(directory.resolve("hearth.db")),
                    GroupCommitSettings.DEFAULT, clock, new SimpleMeterRegistry());
        } else {
            schema.beforeEach(context);
            store = PostgresEventStore.open(schema.options(10), GroupCommitSettings.DEFAULT, clock,
                    new SimpleMeterRegistry());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (store != null) {
            store.close();
        }
        if (schema != null) {
            schema.afterEach(context);
        } else if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
