package dev.hearth.store.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The campaign contract on SQLite, in the event store's own file. */
class SqliteCampaignStoreTest extends CampaignStoreContract {

    SqliteCampaignStoreTest() {
        super(TestStore.sqlite(InstantSource.fixed(NOW)));
    }

    @Test
    void the_campaign_contract_runs_on_sqlite() {
        assertThat(db.events().engine()).isEqualTo("sqlite");
    }
}
