package dev.hearth.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The account contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresAccountStoreTest extends AccountStoreContract {

    PostgresAccountStoreTest() {
        super(TestStore.postgres(InstantSource.fixed(NOW)));
    }

    @Test
    void the_account_contract_runs_on_postgresql() {
        assertThat(db.events().engine()).isEqualTo("postgresql");
    }
}
