package dev.hearth.store.accounts;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresAccountStoreTest extends AccountStoreContract {

    @RegisterExtension
    final TestStore db = TestStore.postgres(InstantSource.fixed(NOW));

    @Override
    protected AccountStore store() {
        return db.events().accounts();
    }
}
