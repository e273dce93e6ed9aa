package dev.hearth.app.serve;

import dev.hearth.app.config.AuthMode;
import dev.hearth.app.config.HearthConfig;
import dev.hearth.app.secrets.SecretsAtRest;
import dev.hearth.app.store.DataDirectoryLock;
import dev.hearth.app.store.EventStoreFactory;
import dev.hearth.core.access.AccessPolicy;
import dev.hearth.server.AccessMode;
import dev.hearth.server.HearthServer;
import dev.hearth.server.ServerSettings;
import dev.hearth.server.realtime.RealtimeSettings;
import java.util.Set;
import dev.hearth.server.auth.Authentication;
import dev.hearth.server.auth.PasswordHasher;
import dev.hearth.server.auth.SigningKeyRing;
import dev.hearth.server.campaigns.Campaigns;
import dev.hearth.server.images.ImageProbe;
import dev.hearth.server.images.Images;
import dev.hearth.server.local.LocalTable;
import dev.hearth.server.ops.JvmMetrics;
import dev.hearth.server.secrets.SecretBox;
import dev.hearth.store.EventStore;
import dev.hearth.store.jdbc.JdbcEventStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hearth that serves: the object graph built from a configuration, and its orderly stop.
 *
 * <p>Start order: metrics, data directory lock (SQLite only), event store (accounts, campaigns and
 * images share its database), signing keys, in local mode the local user and its campaign, HTTP server. Stop runs
 * the other way, and the order matters: the server first, so no request is still writing when the
 * store closes; then the store, which commits every write it accepted; then the lock.
 */
final class RunningHearth {

    private static final Logger log = LoggerFactory.getLogger(RunningHearth.class);

    private final HearthServer server;
    private final EventStore store;
    private final Optional<DataDirectoryLock> lock;
    private final JvmMetrics jvmMetrics;
    private final URI url;
    private final Optional<LocalTable> localTable;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    RunningHearth(HearthServer server, EventStore store, Optional<DataDirectoryLock> lock, JvmMetrics jvmMetrics, URI url,
            Optional<LocalTable> localTable) {
        this.localTable = localTable;
        this.server = server;
        this.store = store;
        this.lock = lock;
        this.jvmMetrics = jvmMetrics;
        this.url = url;
    }

    /**
     * Builds and starts everything; if a part fails, the parts already started are stopped again
     * before the exception leaves.
     */
    static RunningHearth start(HearthConfig config) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            started.push(registry::close);
            JvmMetrics jvmMetrics = JvmMetrics.bindTo(registry);
            started.push(jvmMetrics);
            Optional<DataDirectoryLock> lock = Optional.empty();
            if (config.db().url().isEmpty()) {
                lock = Optional.of(DataDirectoryLock.acquire(config.data().dir()));
                started.push(lock.get());
            }
            JdbcEventStore store = EventStoreFactory.open(config, registry);
            started.push(store);
            log.info("event store: {} ({})", store.engine(), config.db().url()
                    .map(Object::toString).orElse(config.data().sqliteFile().toString()));
            ServerSettings settings = new ServerSettings(config.server().host(), config.server().port(),
                    config.shutdown().grace()).withRealtime(RealtimeSettings.DEFAULT.withAdmins(
                            Set.copyOf(config.realtime().admins())), InstantSource.system());
            // A replaced key verifies as long as the last token it signed can live.
            SecretBox secrets = new SecretsAtRest(config).openBox(new SecureRandom());
            log.info("secrets at rest sealed under key {}", secrets.keys().current().id());
            SigningKeyRing keys = SigningKeyRing.open(config.data().signingKeysFile(), secrets,
                    config.auth().signingKeyRotation(),
                    config.auth().accessTokenTtl().plusMinutes(1), InstantSource.system());
            Authentication auth = new Authentication(store.accounts(), store.campaigns(), keys,
                    config.auth().settings(), InstantSource.system());
            Campaigns campaigns = new Campaigns(store.campaigns(), new AccessPolicy(), InstantSource.system(),
                    new SecureRandom());
            Images images = new Images(store.images(), store.campaigns(), new AccessPolicy(), new ImageProbe(),
                    InstantSource.system(), config.images().campaignQuotaBytes());
            Optional<LocalTable> localTable = Optional.empty();
            AccessMode mode = new AccessMode.Accounts();
            if (config.auth().mode() == AuthMode.LOCAL) {
                SecureRandom random = new SecureRandom();
                localTable = Optional.of(LocalTable.prepare(store.accounts(), store.campaigns(),
                        new PasswordHasher(config.auth().settings().passwordHash(), random), random, InstantSource.system()));
                log.info("local mode: no login; every request is account {} ({}), GM of campaign {} ({})",
                        localTable.get().user().username(), localTable.get().user().id(),
                        localTable.get().campaign().name(), localTable.get().campaign().id());
                mode = new AccessMode.Local(localTable.get());
            }
            HearthServer server = new HearthServer(settings, mode, store, auth, keys, campaigns, images, registry).start();
            URI url = URI.create("http://" + browsableHost(config.server().host()) + ":" + server.port() + "/");
            return new RunningHearth(server, store, lock, jvmMetrics, url, localTable);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** Where a browser on this machine reaches a server bound to {@code host}. */
    private static String browsableHost(String host) {
        return switch (host) {
            case "0.0.0.0", "::", "[::]" -> "localhost"; // every interface: this machine's name works
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }

    URI url() {
        return url;
    }

    /** In local mode, the local user and its campaign; empty with accounts. */
    Optional<LocalTable> localTable() {
        return localTable;
    }

    /** Stops everything, once; later calls return at once. Safe to call from a shutdown hook. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            log.info("stopping");
            server.stop();
            store.close();
            log.info("event store closed; every accepted write is committed");
            lock.ifPresent(DataDirectoryLock::close);
            jvmMetrics.close();
            log.info("stopped");
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("while undoing a failed start: {}", e.toString());
            }
        }
    }
}
