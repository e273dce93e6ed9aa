package dev.hearth.store.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The image contract on PostgreSQL at 127.0.0.1:5432, database {@code test}; each test owns a fresh schema. */
class PostgresImageStoreTest extends ImageStoreContract {

    PostgresImageStoreTest() {
        super(TestStore.postgres(InstantSource.fixed(NOW)));
    }

    @Test
    void the_image_contract_runs_on_postgresql() {
        assertThat(db.events().engine()).isEqualTo("postgresql");
    }
}
