package dev.hearth.server;

import dev.hearth.core.access.AccessPolicy;
import dev.hearth.server.auth.BearerAuthentication;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.auth.OriginPolicy;
import dev.hearth.server.http.Outcome;
import dev.hearth.server.realtime.Identities;
import dev.hearth.server.realtime.Realtime;
import dev.hearth.server.realtime.RealtimeMetrics;
import dev.hearth.server.realtime.codec.InboxCodec;
import dev.hearth.server.realtime.codec.SystemCodec;
import dev.hearth.server.realtime.http.RealtimeHttpEndpoints;
import dev.hearth.server.realtime.http.NotificationHttpEndpoints;
import dev.hearth.server.realtime.http.TableHttpEndpoints;
import dev.hearth.server.realtime.sse.SseEndpoints;
import dev.hearth.server.realtime.ws.WebSocketEndpoints;
import dev.hearth.store.accounts.Account;
import io.javalin.http.Context;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.server.auth.AuthEndpoints;
import dev.hearth.server.auth.Authentication;
import dev.hearth.server.auth.BearerAuthentication;
import dev.hearth.server.auth.JwksHandler;
import dev.hearth.server.auth.RequestAuthentication;
import dev.hearth.server.auth.SigningKeyRing;
import dev.hearth.server.campaigns.CampaignEndpoints;
import dev.hearth.server.campaigns.Campaigns;
import dev.hearth.server.http.ErrorMapper;
import dev.hearth.server.local.LocalAuthentication;
import dev.hearth.server.http.OpenApiHandler;
import dev.hearth.server.images.ImageEndpoints;
import dev.hearth.server.images.Images;
import dev.hearth.server.http.JettyErrorHandler;
import dev.hearth.server.ops.HttpRequestMetrics;
import dev.hearth.server.ops.LivenessHandler;
import dev.hearth.server.ops.MetricsHandler;
import dev.hearth.server.ops.ReadinessHandler;
import dev.hearth.server.web.WebClient;
import dev.hearth.store.EventStore;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.javalin.util.JavalinException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hearth's HTTP server: Javalin on Jetty, handlers on virtual threads.
 *
 * <p>{@link #start()} binds and returns once the server accepts connections; {@link #port()} is
 * then the bound port (useful with port 0). {@link #stop()} is graceful (see {@code GracefulStop}):
 * new connections are refused at once, in-flight requests get the grace period to finish, and
 * WebSockets are closed with 1001 "going away". Stopping does not close the event store: whoever
 * built the store closes it, after the server has stopped.
 */
public final class HearthServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HearthServer.class);

    private final ServerSettings settings;
    private final Javalin javalin;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Realtime realtime;

    /**
     * @param store the event store the readiness probe asks
     * @param auth accounts and tokens, on the same database as {@code store}
     * @param keys the keys {@code auth} signs with, published at {@code /.well-known/jwks.json}
     * @param campaigns campaigns, members, invites and game sessions, on the same database as {@code store}
     * @param images the campaigns' images, on the same database as {@code store}
     */
    public HearthServer(ServerSettings settings, EventStore store, Authentication auth, SigningKeyRing keys,
            Campaigns campaigns, Images images, PrometheusMeterRegistry registry) {
        this(settings, new AccessMode.Accounts(), store, auth, keys, campaigns, images, registry);
    }

    /** @param mode accounts and tokens, or local mode's one user (whose server listens on loopback only) */
    public HearthServer(ServerSettings settings, AccessMode mode, EventStore store, Authentication auth,
            SigningKeyRing keys, Campaigns campaigns, Images images, PrometheusMeterRegistry registry) {
        this.settings = settings;
        ObjectMapper json = new ObjectMapper();
        Optional<LocalAuthentication> local = switch (mode) {
            case AccessMode.Accounts accounts -> Optional.empty();
            case AccessMode.Local l -> Optional.of(new LocalAuthentication(l.table().user()));
        };
        BearerAuthentication bearer = new BearerAuthentication(auth);
        RequestAuthentication caller = local.<RequestAuthentication>map(l -> l).orElse(bearer);
        Optional<Account> localUser = switch (mode) {
            case AccessMode.Accounts accounts -> Optional.empty();
            case AccessMode.Local l -> Optional.of(l.table().user());
        };
        this.realtime = new Realtime(settings.realtime(), store, campaigns.store(), new AccessPolicy(),
                new Identities(localUser.isPresent() ? Optional.empty() : Optional.of(auth), localUser, settings.clock(),
                        settings.realtime().ticketTtl()),
                json, settings.clock(), new RealtimeMetrics(registry), new SecureRandom());
        auth.revocations().subscribe(realtime::signInsEnded);
        campaigns.membershipChanged().subscribe(realtime::membershipChanged);
        Function<Context, Outcome<Identity>> identity = ctx -> local
                .<Outcome<Identity>>map(l -> switch (l.account(ctx)) {
                    case Outcome.Done<Account> d -> Outcome.done(Identity.local(d.value()));
                    case Outcome.Refused<Account> r -> Outcome.refused(r.refusal());
                })
                .orElseGet(() -> bearer.identity(ctx));
        Routes routes = new Routes(new LivenessHandler(), new ReadinessHandler(store), new MetricsHandler(registry),
                new AuthEndpoints(auth, caller, json), local, new JwksHandler(keys),
                new CampaignEndpoints(campaigns, caller, json), new OpenApiHandler(), new ErrorMapper(),
                new WebSocketEndpoints(realtime, new OriginPolicy(auth.settings().allowedOrigins()),
                        new InboxCodec(json), new SystemCodec(json)),
                new RealtimeHttpEndpoints(realtime, identity),
                new SseEndpoints(realtime, identity, new InboxCodec(json), new SystemCodec(json)),
                new TableHttpEndpoints(realtime, identity), new NotificationHttpEndpoints(realtime, identity),
                new ImageEndpoints(images, caller), WebClient.fromClasspath());
        HttpRequestMetrics requestMetrics = new HttpRequestMetrics(registry);
        GracefulStop gracefulStop = new GracefulStop(settings.shutdownGrace());
        JettyErrorHandler jettyErrors = new JettyErrorHandler(json);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // The watcher is a non-daemon thread that sleeps 5 s to nag about unstarted servers.
            config.startup.startupWatcherEnabled = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.threadPool = threadPool();
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyWebSocketServletFactory(ws -> {
                // Above the protocol's 64 KiB so that an oversize message is answered (E003) and the
                // connection stays open; only far larger frames are cut off by Jetty (1009).
                ws.setMaxTextMessageSize(1 << 20);
                ws.setMaxBinaryMessageSize(1 << 16);
            });
            config.jetty.modifyServer(jetty -> {
                gracefulStop.applyTo(jetty);
                jetty.setErrorHandler(jettyErrors);
            });
            config.jsonMapper(new JavalinJackson(json, true));
            config.requestLogger.http(requestMetrics);
            routes.addTo(config.routes);
        });
    }

    /**
     * Platform threads select and accept (a few, always busy), virtual threads run requests (many,
     * mostly waiting on the store): Jetty's recommended split, rather than making selectors virtual.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("hearth-http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("hearth-request-", 0).factory()));
        return pool;
    }

    /**
     * Binds and starts serving.
     *
     * @throws ServerStartException when the address cannot be bound (port in use, unknown host)
     */
    public HearthServer start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the server was started already");
        }
        checkBindable();
        try {
            javalin.start();
        } catch (JavalinBindException e) {
            throw portInUse(e);
        } catch (JavalinException e) {
            throw cannotListen(e);
        }
        log.info("listening on {}:{}", settings.host(), port());
        return this;
    }

    /**
     * Tries the address before Javalin does, for the common mistakes (port taken, unknown host): Javalin
     * would log its own error before ours. A port taken in the instant between both is still caught
     * from Javalin.
     */
    private void checkBindable() {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new ServerStartException("Cannot listen on " + settings.host() + ": no such host. Set server.host"
                    + " to an address of this machine (127.0.0.1 for this machine only, 0.0.0.0 for every interface).",
                    null);
        }
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty's connector does, so a port in TIME_WAIT is not "in use"
            probe.bind(address);
        } catch (BindException e) {
            // Also thrown for an address that is not this machine's ("Cannot assign requested address").
            throw String.valueOf(e.getMessage()).contains("in use") ? portInUse(e) : cannotListen(e);
        } catch (IOException e) {
            throw cannotListen(e);
        }
    }

    private ServerStartException portInUse(Exception e) {
        return new ServerStartException("Cannot listen on " + settings.host() + ":" + settings.port()
                + ": the port is already in use. Stop the other process or choose another port (server.port).", e);
    }

    private ServerStartException cannotListen(Exception e) {
        return new ServerStartException("Cannot listen on " + settings.host() + ":" + settings.port() + ": "
                + rootMessage(e) + ". Check server.host (an address of this machine, 127.0.0.1 or 0.0.0.0)"
                + " and server.port.", e);
    }

    /** The real-time engine, for tests and the app's own wiring. */
    public Realtime realtime() {
        return realtime;
    }

    /** The port the server listens on, the actual one when it was asked for port 0. */
    public int port() {
        return javalin.port();
    }

    /**
     * Stops gracefully and returns when the server has stopped: at most about the grace period after
     * the call. Does nothing if the server never started or stopped already.
     */
    public void stop() {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return;
        }
        Duration grace = settings.shutdownGrace();
        log.info("stopping HTTP: refusing new connections, waiting up to {} ms for requests in flight", grace.toMillis());
        // Jetty directly rather than Javalin.stop(): Javalin logs a grace period that ran out as an
        // error with a stack trace, while it is an expected outcome of a stop, reported here once.
        realtime.close();
        try {
            javalin.jettyServer().server().stop();
        } catch (TimeoutException e) {
            log.warn("requests still in flight after {} ms were cut off", grace.toMillis());
        } catch (Exception e) {
            log.warn("the HTTP server did not stop cleanly: {}", rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
