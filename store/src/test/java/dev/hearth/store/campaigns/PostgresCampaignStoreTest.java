package dev.hearth.store.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The campaign contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    PostgresCampaignStoreTest() {
        super(TestStore.postgres(InstantSource.fixed(NOW)));
    }

    @Test
    void the_campaign_contract_runs_on_postgresql() {
        assertThat(db.events().engine()).isEqualTo("postgresql");
    }
}
