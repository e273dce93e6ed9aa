package dev.hearth.server.campaigns;

import dev.hearth.core.access.AccessPolicy;
import dev.hearth.store.jdbc.JdbcEventStore;
import java.security.SecureRandom;
import java.time.InstantSource;

/** Campaigns for tests: the production policy on the test's store, with the test's clock. */
public final class TestCampaigns {

    private TestCampaigns() {}

    public static Campaigns on(JdbcEventStore store, InstantSource clock) {
        return new Campaigns(store.campaigns(), new AccessPolicy(), clock, new SecureRandom());
    }
}
