package dev.hearth.server.images;

import dev.hearth.core.access.AccessPolicy;
import dev.hearth.store.jdbc.JdbcEventStore;
import java.time.InstantSource;

/** Images for tests: the production policy and probe on the test's store, with the test's clock and a quota. */
public final class TestImages {

    private TestImages() {}

    /** With the default quota. */
    public static Images on(JdbcEventStore store, InstantSource clock) {
        return on(store, clock, Images.DEFAULT_QUOTA_BYTES);
    }

    public static Images on(JdbcEventStore store, InstantSource clock, long quotaBytes) {
        return new Images(store.images(), store.campaigns(), new AccessPolicy(), new ImageProbe(), clock, quotaBytes);
    }
}
