package dev.hearth.store.campaigns;

import dev.hearth.store.TestStore;
import java.time.InstantSource;

/** The campaign contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    PostgresCampaignStoreTest() {
        super(TestStore.postgres(InstantSource.fixed(NOW)));
    }
}
