package dev.hearth.store.accounts;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account contract on SQLite, in the event store's own file. */
class SqliteAccountStoreTest extends AccountStoreContract {

    @RegisterExtension
    final TestStore db = TestStore.sqlite(InstantSource.fixed(NOW));

    @Override
    protected AccountStore store() {
        return db.events().accounts();
    }
}
