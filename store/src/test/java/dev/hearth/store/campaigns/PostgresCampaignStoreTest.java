package dev.hearth.store.campaigns;

import dev.hearth.store.TestStore;
import dev.hearth.store.accounts.AccountStore;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The campaign contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    @RegisterExtension
    final TestStore db = TestStore.postgres(InstantSource.fixed(NOW));

    @Override
    protected CampaignStore store() {
        return db.events().campaigns();
    }

    @Override
    protected AccountStore accounts() {
        return db.events().accounts();
    }
}
