package dev.hearth.server.realtime.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.session.SessionId;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.stream.Roster;
import dev.hearth.server.realtime.RealtimeMetrics;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.AppendResult;
import dev.hearth.store.EventStore;
import dev.hearth.store.NewEvent;
import dev.hearth.store.SessionHead;
import dev.hearth.store.Snapshot;
import dev.hearth.store.StoredEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one stream (a game session's table, a user's inbox, the system channel).
 * Every command goes through its mailbox, one at a time: decide, append, apply, acknowledge, fan
 * out. Domain code runs only here, so it needs no locks.
 *
 * <h2>Pipelining</h2>
 * The actor does not wait for a commit before deciding the next command: it decides against a
 * speculative state that includes the events in flight, and appends with the sequence number it
 * expects. The store commits a stream's appends in order, so commits arrive in order; each one
 * advances the committed state, then is acknowledged and delivered. Nothing is acknowledged or sent
 * before it is durable. If an append does not commit as expected (a store failure, a conflict with
 * another writer, a message id the log already holds), the actor waits for what is in flight,
 * reloads from the store, and decides the commands that did not commit again.
 */
public final class StreamActor<S, C, E> {

    private static final Logger log = LoggerFactory.getLogger(StreamActor.class);

    private final SessionId id;
    private final String kind;
    private final Optional<String> envelopeSession;
    private final Domain<S, C, E> domain;
    private final StreamCodec<S, C, E> codec;
    private final RecordCodec<E> records;
    private final EventStore store;
    private final Frames frames;
    private final InstantSource clock;
    private final StreamSettings settings;
    private final RealtimeMetrics metrics;
    private final Supplier<Roster> roster;
    private final CommitListener<E> listener;
    private final RandomGenerator random;
    private final SerialExecutor mailbox;

    // Confined to the mailbox.
    private boolean loaded;
    private boolean broken;
    private Optional<String> epoch = Optional.empty();
    private S committed;
    private long committedSeq;
    private S speculative;
    private long speculativeSeq;
    private long snapshotSeq;
    private final ArrayDeque<InFlight<C, E>> inFlight = new ArrayDeque<>();
    private final Map<String, InFlight<C, E>> inFlightByKey = new HashMap<>();
    private final ArrayDeque<Submission<C>> held = new ArrayDeque<>();
    private boolean recovering;
    private final Tail tail;
    private final Map<String, Remembered> recent;
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile long lastUsedNanos = System.nanoTime();

    // Read by ephemeral broadcasts on other threads.
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public StreamActor(SessionId id, String kind, Optional<String> envelopeSession, Domain<S, C, E> domain,
            StreamCodec<S, C, E> codec, EventStore store, Frames frames, InstantSource clock, StreamSettings settings,
            RealtimeMetrics metrics, Supplier<Roster> roster, CommitListener<E> listener, RandomGenerator random,
            Executor runner) {
        this.id = id;
        this.kind = kind;
        this.envelopeSession = envelopeSession;
        this.domain = domain;
        this.codec = codec;
        this.records = new RecordCodec<>(codec, frames.json());
        this.store = store;
        this.frames = frames;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.roster = roster;
        this.listener = listener;
        this.random = random;
        this.mailbox = new SerialExecutor(runner);
        this.tail = new Tail(settings.tailSize());
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > settings.recentIds();
            }
        };
    }

    public SessionId id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    /** The subscribers now; safe from any thread (ephemeral traffic goes straight to them). */
    public List<Subscriber> subscribers() {
        return subscribers;
    }

    // ---------------------------------------------------------------- the public operations

    public void submit(Submission<C> submission) {
        touch();
        mailbox.execute(() -> {
            if (ready(submission)) {
                accept(submission);
            }
        });
    }

    /**
     * Attaches a subscriber: on the actor's thread, it receives the welcome {@code welcome} makes
     * from the {@link Attachment}, then the missed events, then every event as it commits. When the
     * stream cannot be loaded, {@code welcome} is given null and must tell the subscriber itself.
     */
    public void attach(Subscriber subscriber, Optional<Resume> resume, Function<Attachment, String> welcome) {
        touch();
        mailbox.execute(() -> {
            if (!load()) {
                welcome.apply(null); // tells the subscriber and closes it
                return;
            }
            subscribers.remove(subscriber);
            attachNow(subscriber, resume, welcome);
        });
    }

    public void detach(Subscriber subscriber) {
        subscribers.remove(subscriber);
        touch();
    }

    /** Runs {@code read} on the actor's thread against the committed state; empty if the stream cannot load. */
    public <T> CompletableFuture<Optional<T>> read(Function<Reading<S>, T> read) {
        touch();
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        mailbox.execute(() -> {
            try {
                result.complete(load()
                        ? Optional.of(read.apply(new Reading<>(committed, epoch, committedSeq, this)))
                        : Optional.empty());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Completes (with the stream's sequence number) once it is beyond {@code afterSeq}: a long-poll. */
    public CompletableFuture<Long> awaitBeyond(long afterSeq) {
        touch();
        CompletableFuture<Long> beyond = new CompletableFuture<>();
        mailbox.execute(() -> {
            if (!load()) {
                beyond.completeExceptionally(new StreamUnavailableException(id));
            } else if (committedSeq > afterSeq) {
                beyond.complete(committedSeq);
            } else {
                waiters.removeIf(w -> w.future.isDone());
                waiters.add(new Waiter(afterSeq, beyond));
            }
        });
        return beyond;
    }

    /** The view a caller gets, by the codec, of the committed state. */
    public ObjectNode view(S state, Caller viewer) {
        return codec.view(state, viewer, domain);
    }

    /** True when nothing uses the actor: no subscriber, nothing in flight, unused for the idle time. */
    boolean idle(long nowNanos) {
        return subscribers.isEmpty() && nowNanos - lastUsedNanos > settings.idleAfter().toNanos();
    }

    /** Runs {@code then} on the actor's thread once nothing is in flight, for an orderly unload. */
    void whenQuiet(Runnable then) {
        mailbox.execute(() -> {
            if (inFlight.isEmpty() && held.isEmpty()) {
                then.run();
            }
        });
    }

    private void touch() {
        lastUsedNanos = System.nanoTime();
    }

    // ---------------------------------------------------------------- loading

    /** Loads on first use; false (and every caller told so) when the store cannot be read. */
    private boolean load() {
        if (loaded) {
            return true;
        }
        try {
            Optional<SessionHead> head = store.head(id);
            long latest = head.map(SessionHead::latestSeq).orElse(0L);
            S state = domain.initial();
            long seq = 0;
            Optional<Snapshot> snapshot = latest == 0 ? Optional.empty() : store.loadLatestSnapshot(id, latest);
            if (snapshot.isPresent()) {
                state = codec.decodeState(snapshot.get().state());
                seq = snapshot.get().seq();
            }
            long from = seq;
            while (seq < latest) {
                List<StoredEvent> page = store.read(id, seq, 1000);
                if (page.isEmpty()) {
                    break;
                }
                for (StoredEvent stored : page) {
                    state = domain.apply(state, records.decode(stored).event(), stored.seq());
                    seq = stored.seq();
                }
            }
            epoch = head.map(SessionHead::epoch);
            committed = speculative = state;
            committedSeq = speculativeSeq = seq;
            snapshotSeq = snapshot.map(Snapshot::seq).orElse(0L);
            tail.reset(seq);
            loaded = true;
            broken = false;
            log.debug("{} {} loaded at seq {} ({} events replayed)", kind, id, seq, seq - from);
            replayToListener(seq);
            return true;
        } catch (RuntimeException e) {
            if (!broken) {
                log.warn("{} {} cannot be loaded: {}", kind, id, e.toString());
            }
            broken = true;
            return false;
        }
    }

    /** Hands the listener the latest events it asks for (see {@link CommitListener#replayOnLoad}). */
    private void replayToListener(long latest) {
        int count = listener.replayOnLoad(id);
        if (count <= 0 || latest == 0) {
            return;
        }
        for (StoredEvent stored : store.read(id, Math.max(0, latest - count), count)) {
            EventRecord<E> record = records.decode(stored);
            listener.committed(id, record.event(), stored.seq(), record.author());
        }
    }

    // ---------------------------------------------------------------- commands

    private boolean ready(Submission<C> submission) {
        if (recovering) {
            held.add(submission);
            return false;
        }
        if (!load()) {
            submission.reply().accept(new CommandOutcome.Failed(CommandOutcome.Failure.UNAVAILABLE,
                    "This table cannot be reached right now; try again in a moment."));
            return false;
        }
        return true;
    }

    private void accept(Submission<C> submission) {
        Optional<String> key = submission.key();
        if (key.isPresent()) {
            Remembered known = recent.get(key.get());
            if (known != null) {
                submission.reply().accept(known.digest.equals(submission.digest())
                        ? known.outcome.asDuplicate() : idReused());
                return;
            }
            InFlight<C, E> pending = inFlightByKey.get(key.get());
            if (pending != null) {
                if (pending.submission.digest().equals(submission.digest())) {
                    pending.alsoTell.add(submission);
                } else {
                    submission.reply().accept(idReused());
                }
                return;
            }
        }
        Decision<E> decision;
        try {
            decision = domain.decide(speculative, submission.command(),
                    new CommandContext(submission.caller(), roster.get(), clock.instant(), random));
        } catch (RuntimeException e) {
            log.error("{} {}: deciding {} failed", kind, id, submission.command().getClass().getSimpleName(), e);
            submission.reply().accept(new CommandOutcome.Failed(CommandOutcome.Failure.UNAVAILABLE,
                    "Hearth failed to process this; the log has the details."));
            return;
        }
        switch (decision) {
            case Decision.Rejected<E> rejected -> submission.reply().accept(new CommandOutcome.Refused(rejected.rejection()));
            case Decision.Accepted<E> accepted when accepted.events().isEmpty() && inFlight.isEmpty() ->
                    submission.reply().accept(new CommandOutcome.Acked(committedSeq, 0, false));
            case Decision.Accepted<E> accepted -> append(submission, accepted.events());
        }
    }

    private void append(Submission<C> submission, List<E> events) {
        Instant at = clock.instant();
        long expected = speculativeSeq;
        List<NewEvent> encoded = new ArrayList<>(events.size());
        S next = speculative;
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            Optional<String> digest = i == 0 && submission.clientId().isPresent()
                    ? Optional.of(submission.digest()) : Optional.empty();
            encoded.add(records.encode(new EventRecord<>(event, submission.caller().userId(), at, digest)));
            next = domain.apply(next, event, expected + i + 1);
        }
        InFlight<C, E> flight = new InFlight<>(submission, events, expected, at);
        speculative = next;
        speculativeSeq = expected + events.size();
        inFlight.add(flight);
        submission.key().ifPresent(k -> inFlightByKey.put(k, flight));
        if (events.isEmpty()) {
            // Changes nothing, but must be answered after what is in flight before it.
            flight.result = new AppendResult.Appended(id, expected + 1, expected, false);
            drainCommits();
            return;
        }
        CompletableFuture<AppendResult> appended;
        try {
            appended = store.append(new AppendRequest(id, expected, encoded, submission.key()));
        } catch (RuntimeException e) {
            appended = CompletableFuture.failedFuture(e);
        }
        appended.whenComplete((result, failure) -> mailbox.execute(() -> {
            flight.result = result;
            flight.failure = failure;
            drainCommits();
        }));
    }

    /** Takes the finished appends from the head of the line, in order: commits are applied and sent in order. */
    private void drainCommits() {
        while (!inFlight.isEmpty() && inFlight.peek().finished()) {
            InFlight<C, E> flight = inFlight.poll();
            flight.submission.key().ifPresent(inFlightByKey::remove);
            if (!recovering && flight.failure == null && flight.result instanceof AppendResult.Appended a
                    && !a.duplicate() && a.firstSeq() == flight.expectedSeq + 1) {
                commit(flight, a);
            } else {
                recovering = true;
                settleAbnormal(flight);
            }
        }
        if (recovering && inFlight.isEmpty()) {
            recover();
        }
    }

    private void commit(InFlight<C, E> flight, AppendResult.Appended appended) {
        long seq = flight.expectedSeq;
        for (E event : flight.events) {
            seq++;
            committed = domain.apply(committed, event, seq);
            committedSeq = seq;
            publish(event, seq, flight.submission.caller().userId(), flight.at, flight.submission.receivedNanos());
            listener.committed(id, event, seq, flight.submission.caller().userId());
        }
        codec.followUp(flight.events).ifPresent(f -> followUp(f, committedSeq));
        if (epoch.isEmpty() && committedSeq > 0) {
            epoch = store.head(id).map(SessionHead::epoch);
        }
        CommandOutcome.Acked ack = new CommandOutcome.Acked(committedSeq, flight.events.size(), false);
        remember(flight.submission, ack);
        tell(flight, ack);
        metrics.commandAcked(kind, System.nanoTime() - flight.submission.receivedNanos());
        wakeWaiters();
        snapshotIfDue();
    }

    /** A commit that did not go as expected: answer what can be answered, hold the rest to decide again. */
    private void settleAbnormal(InFlight<C, E> flight) {
        if (flight.failure != null) {
            log.warn("{} {}: append failed: {}", kind, id, flight.failure.toString());
            tell(flight, new CommandOutcome.Failed(CommandOutcome.Failure.UNAVAILABLE,
                    "The table could not save this; send it again (with the same id) in a moment."));
            return;
        }
        switch (flight.result) {
            case AppendResult.Appended a when a.duplicate() -> flight.duplicateOf = Optional.of(a);
            case AppendResult.Appended a when !flight.events.isEmpty() && a.firstSeq() != flight.expectedSeq + 1 ->
                    log.error("{} {}: appended at {} though {} was expected", kind, id, a.firstSeq(), flight.expectedSeq + 1);
            default -> { }
        }
        flight.redecide = true;
        heldBack.add(flight);
    }

    private final List<InFlight<C, E>> heldBack = new ArrayList<>();

    /** Reloads from the store, then answers duplicates and decides the held commands again, in order. */
    private void recover() {
        metrics.recovered(kind);
        loaded = false;
        recent.clear();
        boolean ok = load();
        recovering = false;
        List<InFlight<C, E>> again = new ArrayList<>(heldBack);
        heldBack.clear();
        List<Submission<C>> later = new ArrayList<>(held);
        held.clear();
        for (InFlight<C, E> flight : again) {
            if (!ok) {
                tell(flight, new CommandOutcome.Failed(CommandOutcome.Failure.UNAVAILABLE,
                        "This table cannot be reached right now; try again in a moment."));
            } else if (flight.duplicateOf.isPresent()) {
                tell(flight, duplicateOutcome(flight));
            } else if (flight.events.isEmpty()) {
                tell(flight, new CommandOutcome.Acked(committedSeq, 0, false));
            } else {
                accept(flight.submission);
                flight.alsoTell.forEach(this::accept);
            }
        }
        for (Submission<C> submission : later) {
            if (ready(submission)) {
                accept(submission);
            }
        }
    }

    /** The log already holds this message id: the original outcome if the message is the same, else a refusal. */
    private CommandOutcome duplicateOutcome(InFlight<C, E> flight) {
        AppendResult.Appended original = flight.duplicateOf.get();
        List<StoredEvent> first = store.read(id, original.firstSeq() - 1, 1);
        Optional<String> digest = first.isEmpty() ? Optional.empty() : records.decode(first.get(0)).commandDigest();
        if (digest.isPresent() && !digest.get().equals(flight.submission.digest())) {
            return idReused();
        }
        CommandOutcome.Acked ack = new CommandOutcome.Acked(original.lastSeq(),
                (int) (original.lastSeq() - original.firstSeq() + 1), true);
        remember(flight.submission, new CommandOutcome.Acked(ack.seq(), ack.events(), false));
        return ack;
    }

    private void tell(InFlight<C, E> flight, CommandOutcome outcome) {
        flight.submission.reply().accept(outcome);
        for (Submission<C> also : flight.alsoTell) {
            also.reply().accept(outcome instanceof CommandOutcome.Acked a ? a.asDuplicate() : outcome);
        }
    }

    private void remember(Submission<C> submission, CommandOutcome.Acked ack) {
        submission.key().ifPresent(k -> recent.put(k, new Remembered(submission.digest(), ack)));
    }

    private static CommandOutcome idReused() {
        return new CommandOutcome.Failed(CommandOutcome.Failure.ID_REUSED,
                "This message id was already used for a different message; send it with a new id.");
    }

    // ---------------------------------------------------------------- delivery

    private void publish(E event, long seq, String author, Instant at, long commandNanos) {
        Committed c = committed(event, seq, author, at, commandNanos);
        tail.add(c);
        for (Subscriber subscriber : subscribers) {
            if (c.visibility().allows(subscriber.userId(), subscriber.role())
                    && !subscriber.deliver(c.frameFor(subscriber.role()), c.seq(), commandNanos)) {
                subscribers.remove(subscriber);
            }
        }
    }

    /**
     * Sends each subscriber its own follow-up frame, after the command's events (so a client that
     * draws from the latest one sees the state those events led to). Viewers who are the same user
     * with the same role share one encoding.
     */
    private void followUp(FollowUp<S> followUp, long seq) {
        Map<String, String> byViewer = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            String frame = byViewer.computeIfAbsent(subscriber.userId() + "/" + subscriber.role(), k -> frames.message(
                    followUp.type(), followUp.payload().of(committed, new Caller(subscriber.userId(), "",
                            subscriber.role()), seq), envelopeSession, Optional.empty()));
            if (!subscriber.deliver(frame, -1, 0)) {
                subscribers.remove(subscriber);
            }
        }
    }

    private void attachNow(Subscriber subscriber, Optional<Resume> resume, Function<Attachment, String> welcome) {
        Optional<Attachment.ResumeProblem> problem = Optional.empty();
        List<Committed> missed = null;
        if (resume.isPresent()) {
            Resume r = resume.get();
            boolean otherEpoch = r.epoch().isPresent() && epoch.isPresent() && !r.epoch().equals(epoch) && r.lastSeq() > 0;
            if (r.lastSeq() < 0 || r.lastSeq() > committedSeq) {
                problem = Optional.of(Attachment.ResumeProblem.AHEAD);
            } else if (otherEpoch) {
                problem = Optional.of(Attachment.ResumeProblem.OTHER_EPOCH);
            } else if (committedSeq - r.lastSeq() > settings.maxReplay()) {
                problem = Optional.of(Attachment.ResumeProblem.TOO_FAR_BEHIND);
            } else {
                missed = committedAfter(r.lastSeq()).stream()
                        .filter(c -> c.visibility().allows(subscriber.userId(), subscriber.role())).toList();
            }
            metrics.resumed(kind, problem.map(p -> "view").orElse(tail.covers(r.lastSeq()) ? "tail" : "store"));
        }
        Caller viewer = new Caller(subscriber.userId(), "", subscriber.role());
        Optional<ObjectNode> extras = codec.welcomeExtras(committed, viewer);
        Attachment attachment = missed != null
                ? new Attachment(epoch, committedSeq, Optional.empty(), missed.size(), Optional.empty(), extras)
                : new Attachment(epoch, committedSeq, Optional.of(view(committed, viewer)), 0, problem, extras);
        if (!subscriber.deliver(welcome.apply(attachment), committedSeq, 0)) {
            return;
        }
        if (missed != null) {
            for (Committed c : missed) {
                if (!subscriber.replay(c.frameFor(subscriber.role()), c.seq())) {
                    return;
                }
            }
        }
        subscribers.add(subscriber);
    }

    /** Committed events after {@code afterSeq}: from the tail when it holds them, else from the store. */
    List<Committed> committedAfter(long afterSeq) {
        if (tail.covers(afterSeq)) {
            return tail.after(afterSeq);
        }
        List<Committed> out = new ArrayList<>();
        long seq = afterSeq;
        while (seq < committedSeq) {
            List<StoredEvent> page = store.read(id, seq, (int) Math.min(1000, committedSeq - seq));
            if (page.isEmpty()) {
                break;
            }
            for (StoredEvent stored : page) {
                out.add(committedOf(stored));
                seq = stored.seq();
            }
        }
        return out;
    }

    /** A stored event as a frame, for replay and history. */
    public Committed committedOf(StoredEvent stored) {
        EventRecord<E> record = records.decode(stored);
        return committed(record.event(), stored.seq(), record.author(), record.at(), 0);
    }

    /** An event's frame, and its frames for the roles that read it differently. */
    private Committed committed(E event, long seq, String author, Instant at, long commandNanos) {
        String type = codec.eventType(event);
        String frame = frames.event(envelopeSession, seq, type, codec.eventPayload(event), author, at.toEpochMilli());
        Map<Role, String> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            codec.eventPayload(event, role).ifPresent(p -> byRole.put(role,
                    frames.event(envelopeSession, seq, type, p, author, at.toEpochMilli())));
        }
        return new Committed(seq, type, author, domain.visibility(event), frame, commandNanos, byRole);
    }

    private void wakeWaiters() {
        if (waiters.isEmpty()) {
            return;
        }
        List<Waiter> due = waiters.stream().filter(w -> committedSeq > w.afterSeq).toList();
        waiters.removeAll(due);
        due.forEach(w -> w.future.complete(committedSeq));
    }

    private void snapshotIfDue() {
        if (committedSeq - snapshotSeq < settings.snapshotEvery()) {
            return;
        }
        long seq = committedSeq;
        snapshotSeq = seq;
        byte[] state = codec.encodeState(committed);
        store.saveSnapshot(id, seq, state).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("{} {}: snapshot at {} failed: {}", kind, id, seq, failure.toString());
            }
        });
    }

    // ---------------------------------------------------------------- records

    private static final class InFlight<C, E> {
        final Submission<C> submission;
        final List<E> events;
        final long expectedSeq;
        final Instant at;
        final List<Submission<C>> alsoTell = new ArrayList<>(0);
        AppendResult result;
        Throwable failure;
        Optional<AppendResult.Appended> duplicateOf = Optional.empty();
        boolean redecide;

        InFlight(Submission<C> submission, List<E> events, long expectedSeq, Instant at) {
            this.submission = submission;
            this.events = events;
            this.expectedSeq = expectedSeq;
            this.at = at;
        }

        boolean finished() {
            return result != null || failure != null;
        }
    }

    private record Remembered(String digest, CommandOutcome.Acked outcome) {}

    private record Waiter(long afterSeq, CompletableFuture<Long> future) {}

    /**
     * A consistent look at the stream from its actor's thread: the committed state and position, and
     * the committed events after a point (tail or store).
     */
    public record Reading<S>(S state, Optional<String> epoch, long seq, StreamActor<S, ?, ?> actor) {

        public List<Committed> eventsAfter(long afterSeq, int limit) {
            List<Committed> all = actor.committedAfter(afterSeq);
            return all.size() <= limit ? all : all.subList(0, limit);
        }
    }
}
