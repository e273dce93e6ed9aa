package dev.hearth.store.campaigns;

import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.accounts.AccountStore;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The campaign contract on SQLite, in the event store's own file. */
class SqliteCampaignStoreTest extends CampaignStoreContract {

    @TempDir
    Path dir;

    private JdbcEventStore events;

    @BeforeEach
    void open() {
        events = SqliteEventStore.open(SqliteEventStore.Options.at(dir.resolve("hearth.db")),
                GroupCommitSettings.DEFAULT, InstantSource.fixed(NOW), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Override
    protected CampaignStore store() {
        return events.campaigns();
    }

    @Override
    protected AccountStore accounts() {
        return events.accounts();
    }
}
