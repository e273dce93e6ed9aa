package dev.hearth.bench.store;

import dev.hearth.store.sqlite.SqliteEventStore.Synchronous;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the scratch databases live.
 *
 * @param sqliteDir the directory for SQLite files; a temporary directory when empty. It must be a
 *     real disk: on tmpfs a "durable" commit never reaches one, and the figures mean nothing
 * @param sqliteSync SQLite's {@code synchronous} setting; {@code FULL} is what "durable" means here
 * @param pgUrl a {@code jdbc:postgresql://} URL of a database in which the benchmark may create schemas
 * @param pgPoolSize connections for the store (one writer, the rest reads)
 */
record DatabaseSettings(
        Optional<Path> sqliteDir, Synchronous sqliteSync, String pgUrl, String pgUser, String pgPassword, int pgPoolSize) {}
