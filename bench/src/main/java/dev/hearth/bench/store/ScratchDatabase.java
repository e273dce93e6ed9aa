package dev.hearth.bench.store;

import dev.hearth.store.EventStore;
import dev.hearth.store.GroupCommitSettings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A database made for one scenario and removed after it, so every scenario starts from empty
 * tables and no run leaves anything behind.
 */
sealed interface ScratchDatabase extends AutoCloseable permits SqliteScratch, PostgresScratch {

    /** Opens a store on this database; it may be opened again after the previous store closed. */
    EventStore open(GroupCommitSettings settings, MeterRegistry registry);

    /** Where the data lives, for the report (file system type for SQLite, schema for PostgreSQL). */
    String location();

    /** Removes the database; safe to call more than once. */
    @Override
    void close();
}
