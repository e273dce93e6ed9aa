package dev.hearth.store.accounts;

import dev.hearth.store.TestStore;
import java.time.InstantSource;

/** The account contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresAccountStoreTest extends AccountStoreContract {

    PostgresAccountStoreTest() {
        super(TestStore.postgres(InstantSource.fixed(NOW)));
    }
}
