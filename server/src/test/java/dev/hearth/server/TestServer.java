package dev.hearth.server;

import dev.hearth.server.auth.TestAuth;
import dev.hearth.server.campaigns.TestCampaigns;
import dev.hearth.server.images.Images;
import dev.hearth.server.images.TestImages;
import dev.hearth.server.realtime.RealtimeSettings;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What the API tests talk to through real sockets: a started server on a free port of 127.0.0.1,
 * over a SQLite store in {@code dir}, with test auth ({@link TestAuth}) and production campaigns and images, all
 * on the test's clock. Closing it stops the server, then closes the store.
 */
public record TestServer(JdbcEventStore store, TestAuth auth, HearthServer server) implements AutoCloseable {

    /** With 5 seconds of grace to stop. */
    public static TestServer start(Path dir, InstantSource clock, PrometheusMeterRegistry registry) {
        return start(dir, clock, registry, Duration.ofSeconds(5));
    }

    public static TestServer start(Path dir, InstantSource clock, PrometheusMeterRegistry registry, Duration grace) {
        return start(dir, clock, registry, new ServerSettings("127.0.0.1", 0, grace));
    }

    /** With the real-time engine's limits and timings given (tests shorten timeouts, shrink queues). */
    public static TestServer start(Path dir, InstantSource clock, PrometheusMeterRegistry registry, Duration grace,
            RealtimeSettings realtime) {
        return start(dir, clock, registry, grace, realtime, Images.DEFAULT_QUOTA_BYTES);
    }

    /** With the real-time engine's settings and each campaign's image quota given. */
    public static TestServer start(Path dir, InstantSource clock, PrometheusMeterRegistry registry, Duration grace,
            RealtimeSettings realtime, long imageQuotaBytes) {
        return start(dir, clock, registry, new ServerSettings("127.0.0.1", 0, grace).withRealtime(realtime,
                InstantSource.system()), imageQuotaBytes);
    }

    private static TestServer start(Path dir, InstantSource clock, PrometheusMeterRegistry registry,
            ServerSettings settings) {
        return start(dir, clock, registry, settings, Images.DEFAULT_QUOTA_BYTES);
    }

    private static TestServer start(Path dir, InstantSource clock, PrometheusMeterRegistry registry,
            ServerSettings settings, long imageQuotaBytes) {
        JdbcEventStore store = SqliteEventStore.open(SqliteEventStore.Options.at(dir.resolve("hearth.db")),
                GroupCommitSettings.DEFAULT, clock, registry);
        TestAuth auth = TestAuth.on(store, dir, clock);
        HearthServer server = new HearthServer(settings, store, auth.auth(),
                auth.keys(), TestCampaigns.on(store, clock), TestImages.on(store, clock, imageQuotaBytes), registry).start();
        return new TestServer(store, auth, server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
