package dev.hearth.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The account contract on SQLite, in the event store's own file. */
class SqliteAccountStoreTest extends AccountStoreContract {

    SqliteAccountStoreTest() {
        super(TestStore.sqlite(InstantSource.fixed(NOW)));
    }

    @Test
    void the_account_contract_runs_on_sqlite() {
        assertThat(db.events().engine()).isEqualTo("sqlite");
    }
}
