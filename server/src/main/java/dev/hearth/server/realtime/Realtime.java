package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.core.access.AccessPolicy;
import dev.hearth.core.access.Role;
import dev.hearth.core.inbox.Inbox;
import dev.hearth.core.inbox.InboxCommand;
import dev.hearth.core.inbox.InboxEvent;
import dev.hearth.core.inbox.InboxState;
import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.system.SystemChannel;
import dev.hearth.core.system.SystemCommand;
import dev.hearth.core.system.SystemEvent;
import dev.hearth.core.table.Table;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import dev.hearth.server.auth.Identity;
import dev.hearth.server.realtime.codec.CombatCodec;
import dev.hearth.server.realtime.codec.GameJson;
import dev.hearth.server.realtime.codec.InboxCodec;
import dev.hearth.server.realtime.codec.MapCodec;
import dev.hearth.server.realtime.codec.SystemCodec;
import dev.hearth.server.realtime.codec.TableCodec;
import dev.hearth.server.realtime.outbox.Outbox;
import dev.hearth.server.realtime.outbox.Sink;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.server.realtime.protocol.InboundParser;
import dev.hearth.server.realtime.stream.CommitListener;
import dev.hearth.server.realtime.stream.StreamActor;
import dev.hearth.server.realtime.stream.StreamRegistry;
import dev.hearth.server.realtime.table.Room;
import dev.hearth.store.EventStore;
import dev.hearth.store.campaigns.CampaignStore;
import dev.hearth.store.campaigns.GameSession;
import dev.hearth.store.campaigns.Member;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time engine: the stream actors (tables, inboxes, the system channel), the rooms of live
 * tables, every open connection, and the timers that keep them honest (hello deadlines, heartbeats,
 * silence, token expiry, cursor flushes, idle unloads). Transports create {@link Connection}s here
 * and feed them frames; nothing else holds real-time state.
 */
public final class Realtime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Realtime.class);
    static final Caller HEARTH = new Caller("hearth", "Hearth", Role.GM);
    public static final SessionId SYSTEM_STREAM = SessionId.of("system");
    static final String INBOX_PREFIX = "inbox-";

    private final RealtimeSettings settings;
    private final InstantSource clock;
    private final Frames frames;
    private final InboundParser parser;
    private final RealtimeMetrics metrics;
    private final Identities identities;
    private final CampaignStore campaigns;
    private final Tables tables;
    private final HistoryPages pages;
    private final HttpRateLimits httpLimits;
    private final Inboxes inboxes;
    private final StreamRegistry<Long, SystemCommand, SystemEvent> system;
    private final Map<SessionId, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, Roster> rosters = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService actors = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("hearth-actor-", 0).factory());
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1,
            Thread.ofPlatform().name("hearth-realtime-timer").daemon().factory());
    private final java.util.concurrent.atomic.AtomicBoolean recheckAll = new java.util.concurrent.atomic.AtomicBoolean();
    private final Set<String> recheckAccounts = ConcurrentHashMap.newKeySet();

    public Realtime(RealtimeSettings settings, EventStore store, CampaignStore campaigns, AccessPolicy policy,
            Identities identities, ObjectMapper json, InstantSource clock, RealtimeMetrics metrics,
            RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.frames = new Frames(json, clock);
        this.parser = new InboundParser(json);
        this.metrics = metrics;
        this.identities = identities;
        this.httpLimits = new HttpRateLimits(settings);
        this.campaigns = campaigns;
        ObjectMapper game = GameJson.mapper();
        TableCodec tableCodec = new TableCodec(json, new CombatCodec(game), new MapCodec(game));
        Table table = new Table();
        InboxDelivery delivery = new InboxDelivery((userId, s) -> inbox(userId).submit(s), timers);
        ChatNotifier notifier = new ChatNotifier(campaigns, this::roster, delivery);
        TurnNotifier turns = new TurnNotifier(campaigns, this::roster, this::combatantName, delivery);
        CommitListener<TableEvent> listeners = CommitListener.all(notifier, turns);
        StreamRegistry<TableState, TableCommand, TableEvent> tableRegistry = new StreamRegistry<>(id -> {
            String campaignId = campaigns.findSession(id).map(GameSession::campaignId).orElse("");
            return new StreamActor<>(id, "table", Optional.of(id.value()), table, tableCodec, store, frames, clock,
                    settings.streams(), metrics, () -> roster(campaignId), listeners, random, actors);
        });
        this.pages = new HistoryPages(store, frames);
        this.tables = new Tables(tableRegistry, this::room, campaigns, pages, policy, tableCodec, frames,
                new RollLog(store, pages, frames), new Probabilities(frames));
        InboxCodec inboxCodec = new InboxCodec(json);
        Inbox inbox = new Inbox();
        this.inboxes = new Inboxes(new StreamRegistry<>(id -> new StreamActor<>(id, "inbox", Optional.empty(), inbox,
                inboxCodec, store, frames, clock, settings.streams(), metrics, () -> Roster.EMPTY, CommitListener.none(),
                random, actors)), pages);
        SystemCodec systemCodec = new SystemCodec(json);
        SystemChannel channel = new SystemChannel();
        this.system = new StreamRegistry<>(id -> new StreamActor<>(id, "system", Optional.empty(), channel, systemCodec,
                store, frames, clock, settings.streams(), metrics, () -> Roster.EMPTY, CommitListener.none(), random,
                actors));
        java.time.Instant startedAt = clock.instant();
        actors.execute(() -> {
            try {
                notifier.recoverAfterRestart(store, startedAt, id -> tables.actor(id).read(r -> r.seq()));
            } catch (RuntimeException e) {
                log.warn("could not check for notifications left undone by the last stop: {}", e.toString());
            }
        });
        timers.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        timers.scheduleAtFixedRate(this::flushCursors, 16, 16, TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(this::unloadIdle, 30, 30, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------- connections

    /** A new connection on {@code channel}, writing to {@code sink}; the transport feeds it frames. */
    public Connection open(String transport, Channel channel, Sink sink, Optional<Identity> preauthenticated) {
        return open(transport, channel, sink, preauthenticated, true);
    }

    /**
     * A new connection; {@code clientSpeaks} is false for a listen-only transport (SSE), which is not
     * closed for silence and is opened with {@link Connection#openWithoutHello}.
     */
    public Connection open(String transport, Channel channel, Sink sink, Optional<Identity> preauthenticated,
            boolean clientSpeaks) {
        Outbox outbox = new Outbox(sink, settings.outbox(), metrics, transport).start();
        Connection connection = new Connection(transport, channel, this, outbox, preauthenticated, clientSpeaks);
        connections.add(connection);
        return connection;
    }

    void remember(Connection connection) {
        connections.add(connection);
    }

    void forget(Connection connection) {
        connections.remove(connection);
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Sign-ins of an account ended (or of someone: empty): the next tick closes the connections they carried. */
    public void signInsEnded(Optional<String> accountId) {
        accountId.ifPresentOrElse(recheckAccounts::add, () -> recheckAll.set(true));
    }

    /** A campaign's members changed: rosters are reloaded and its sessions' connections re-checked. */
    public void membershipChanged(String campaignId) {
        rosters.remove(campaignId);
        for (Connection c : connections) {
            if (c.isOpen() && c.channel() instanceof SessionChannel s && s.campaignId().equals(campaignId)) {
                c.recheck();
            }
        }
    }

    private void tick() {
        try {
            long nanos = System.nanoTime();
            java.time.Instant now = clock.instant();
            boolean all = recheckAll.getAndSet(false);
            Set<String> accounts = Set.copyOf(recheckAccounts);
            recheckAccounts.removeAll(accounts);
            Map<String, Boolean> signedIn = new HashMap<>();
            for (Connection c : connections) {
                c.tick(nanos, now);
                Identity identity = c.identity();
                if (c.isOpen() && identity != null && identity.signInId().isPresent()
                        && (all || accounts.contains(identity.account().id()))) {
                    String key = identity.account().id() + "/" + identity.signInId().get();
                    if (!signedIn.computeIfAbsent(key, k -> identities.stillSignedIn(identity))) {
                        c.signedOut();
                    }
                }
            }
            rooms.values().forEach(r -> r.expire(nanos));
        } catch (RuntimeException e) {
            log.error("the real-time tick failed", e);
        }
    }

    private void flushCursors() {
        try {
            rooms.values().forEach(Room::flushCursors);
        } catch (RuntimeException e) {
            log.error("flushing cursors failed", e);
        }
    }

    private void unloadIdle() {
        httpLimits.forgetIdle();
        tables.unloadIdle();
        inboxes.unloadIdle();
        system.unloadIdle();
        rooms.entrySet().removeIf(e -> e.getValue().isEmpty() && tables.actor(e.getKey()).subscribers().isEmpty());
    }

    // ---------------------------------------------------------------- streams

    public Tables tables() {
        return tables;
    }

    Room room(SessionId id) {
        return rooms.computeIfAbsent(id, sid -> new Room(sid.value(), frames,
                () -> tables.actor(sid).subscribers(), change -> tables.seating(sid, change), timers));
    }

    public StreamActor<InboxState, InboxCommand, InboxEvent> inbox(String userId) {
        return inboxes.actor(userId);
    }

    public Inboxes inboxes() {
        return inboxes;
    }

    public StreamActor<Long, SystemCommand, SystemEvent> system() {
        return system.actor(SYSTEM_STREAM);
    }

    public boolean isAdmin(Identity identity) {
        return identities.local().isPresent() || settings.admins().contains(identity.account().username());
    }

    /** A combatant's name as the table has it now, read on its actor (for turn notifications). */
    private java.util.concurrent.CompletableFuture<Optional<String>> combatantName(SessionId id, String combatantId) {
        return tables.actor(id).read(r -> r.state().encounter().combatant(combatantId).map(c -> c.name()))
                .thenApply(found -> found.flatMap(name -> name));
    }

    Roster roster(String campaignId) {
        return rosters.computeIfAbsent(campaignId, id -> {
            Map<String, Caller> members = new HashMap<>();
            for (Member m : campaigns.members(id)) {
                members.put(m.accountId(), new Caller(m.accountId(), m.displayName(), m.role()));
            }
            return new Roster(members);
        });
    }

    // ---------------------------------------------------------------- shared parts

    public RealtimeSettings settings() {
        return settings;
    }

    public HttpRateLimits httpLimits() {
        return httpLimits;
    }

    public Frames frames() {
        return frames;
    }

    public InboundParser parser() {
        return parser;
    }

    public RealtimeMetrics metrics() {
        return metrics;
    }

    public Identities identities() {
        return identities;
    }

    public InstantSource clock() {
        return clock;
    }

    /** Closes every connection with 1001 "going away" (a restart: clients resume elsewhere or later). */
    @Override
    public void close() {
        // Connections first: closing one leaves its room, which schedules on the timers.
        for (Connection c : connections) {
            c.outbox().close(1001, "server shutting down; resume from your last seq");
            c.closed();
        }
        timers.shutdownNow();
        actors.shutdown();
        try {
            actors.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
