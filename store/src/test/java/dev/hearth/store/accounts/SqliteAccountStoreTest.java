package dev.hearth.store.accounts;

import dev.hearth.store.TestStore;
import java.time.InstantSource;

/** The account contract on SQLite, in the event store's own file. */
class SqliteAccountStoreTest extends AccountStoreContract {

    SqliteAccountStoreTest() {
        super(TestStore.sqlite(InstantSource.fixed(NOW)));
    }
}
