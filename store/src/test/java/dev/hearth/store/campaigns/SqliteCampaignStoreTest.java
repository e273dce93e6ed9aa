package dev.hearth.store.campaigns;

import dev.hearth.store.TestStore;
import java.time.InstantSource;

/** The campaign contract on SQLite, in the event store's own file. */
class SqliteCampaignStoreTest extends CampaignStoreContract {

    SqliteCampaignStoreTest() {
        super(TestStore.sqlite(InstantSource.fixed(NOW)));
    }
}
