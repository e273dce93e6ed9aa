package dev.hearth.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void reads_go_on_while_another_connection_holds_the_write_lock() throws Exception {
        Account ada = created("ada");
        String signInId = signIn(ada, "hash-1");
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + db.sqliteFile())) {
            writer.createStatement().execute("BEGIN IMMEDIATE");
            try {
                // Before reads began DEFERRED, each of these waited the busy timeout (10 s), then failed.
                CompletableFuture<Boolean> reads = CompletableFuture.supplyAsync(() ->
                        store().findByUsername("ada").isPresent() && store().isSignInActive(ada.id(), signInId));
                assertThat(reads.get(3, TimeUnit.SECONDS)).isTrue();
            } finally {
                writer.createStatement().execute("ROLLBACK");
            }
        }
    }
}
