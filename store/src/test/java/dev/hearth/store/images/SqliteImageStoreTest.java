package dev.hearth.store.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The image contract on SQLite, in the event store's own file. */
class SqliteImageStoreTest extends ImageStoreContract {

    SqliteImageStoreTest() {
        super(TestStore.sqlite(InstantSource.fixed(NOW)));
    }

    @Test
    void the_image_contract_runs_on_sqlite() {
        assertThat(db.events().engine()).isEqualTo("sqlite");
    }
}
