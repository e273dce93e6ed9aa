package dev.hearth.store.campaigns;

import dev.hearth.store.TestStore;
import dev.hearth.store.accounts.AccountStore;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The campaign contract on SQLite, in the event store's own file. */
class SqliteCampaignStoreTest extends CampaignStoreContract {

    @RegisterExtension
    final TestStore db = TestStore.sqlite(InstantSource.fixed(NOW));

    @Override
    protected CampaignStore store() {
        return db.events().campaigns();
    }

    @Override
    protected AccountStore accounts() {
        return db.events().accounts();
    }
}
