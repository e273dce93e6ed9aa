package dev.hearth.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hearth.core.session.SessionId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventStore} contract, run against every engine. A subclass opens stores on a fresh
 * database of its engine (the same database for every {@link #open} within one test) and can make
 * the database misbehave on purpose.
 */
abstract class EventStoreContract {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final List<EventStore> opened = new ArrayList<>();
    final MeterRegistry meters = new SimpleMeterRegistry();

    /** Opens a store on this test's database. */
    protected abstract EventStore openOnTestDatabase(GroupCommitSettings settings, InstantSource clock, MeterRegistry registry);

    /** From now on, every insert of an event of {@code session} fails inside the database. */
    protected abstract void makeInsertsFail(SessionId session) throws Exception;

    /** Holds the database's write lock until the returned handle is closed. */
    protected abstract AutoCloseable holdWriteLock() throws Exception;

    EventStore open(GroupCommitSettings settings) {
        EventStore store = openOnTestDatabase(settings, InstantSource.fixed(NOW), meters);
        opened.add(store);
        return store;
    }

    EventStore open() {
        return open(GroupCommitSettings.DEFAULT);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
    }

    static NewEvent event(String text) {
        return new NewEvent("test.happened", text.getBytes(UTF_8));
    }

    static AppendRequest append(SessionId s, long expected, String msgId, String... texts) {
        return AppendRequest.of(s, expected, msgId, List.of(texts).stream().map(EventStoreContract::event).toList());
    }

    static AppendResult.Appended appended(AppendResult r) {
        assertThat(r).isInstanceOf(AppendResult.Appended.class);
        return (AppendResult.Appended) r;
    }

    static List<String> texts(List<StoredEvent> events) {
        return events.stream().map(e -> new String(e.payload(), UTF_8)).toList();
    }

    @Test
    void first_append_to_a_new_session_takes_seq_1_onwards() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");

        var result = appended(store.append(append(s, 0, "m1", "a", "b", "c")).join());

        assertThat(result).isEqualTo(new AppendResult.Appended(s, 1, 3, false));
        assertThat(store.latestSeq(s)).isEqualTo(3);
        assertThat(store.read(s, 0, 100)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void appends_take_consecutive_seqs_without_gaps() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        long expected = 0;
        for (int i = 0; i < 20; i++) {
            var r = appended(store.append(append(s, expected, "m" + i, "e" + i, "f" + i)).join());
            assertThat(r.firstSeq()).isEqualTo(expected + 1);
            expected = r.lastSeq();
        }
        assertThat(store.read(s, 0, 1000)).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void stale_expected_seq_is_a_conflict_and_writes_nothing() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        store.append(append(s, 0, "m1", "a", "b")).join();

        AppendResult result = store.append(append(s, 1, "m2", "late")).join();

        assertThat(result).isEqualTo(new AppendResult.Conflict(s, 1, 2));
        assertThat(texts(store.read(s, 0, 100))).containsExactly("a", "b");
    }

    @Test
    void expected_seq_beyond_the_log_is_a_conflict() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");

        assertThat(store.append(append(s, 5, "m1", "a")).join()).isEqualTo(new AppendResult.Conflict(s, 5, 0));
        assertThat(store.head(s)).isEmpty();
        assertThat(store.listSessions(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void retried_client_message_answers_its_first_outcome_and_writes_nothing() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        store.append(append(s, 0, "m1", "a", "b")).join();
        store.append(append(s, 2, "m2", "c")).join();

        // A retry of m1 carries the seq the client knew then, which is stale now: still no conflict.
        var retry = appended(store.append(append(s, 0, "m1", "a", "b")).join());

        assertThat(retry).isEqualTo(new AppendResult.Appended(s, 1, 2, true));
        assertThat(store.latestSeq(s)).isEqualTo(3);
        assertThat(texts(store.read(s, 0, 100))).containsExactly("a", "b", "c");
    }

    @Test
    void client_message_ids_are_scoped_to_their_session() {
        EventStore store = open();
        SessionId a = SessionId.of("a");
        SessionId b = SessionId.of("b");

        store.append(append(a, 0, "same-id", "in a")).join();
        var inB = appended(store.append(append(b, 0, "same-id", "in b")).join());

        assertThat(inB.duplicate()).isFalse();
        assertThat(texts(store.read(b, 0, 10))).containsExactly("in b");
    }

    @Test
    void the_same_client_message_twice_in_one_batch_is_appended_once() {
        // A long wait gathers both writes into one transaction.
        EventStore store = open(new GroupCommitSettings(1024, Duration.ofMillis(200), 100));
        SessionId s = SessionId.of("table-1");

        var first = store.append(append(s, 0, "m1", "a"));
        var second = store.append(append(s, 0, "m1", "a"));

        assertThat(first.join()).isEqualTo(new AppendResult.Appended(s, 1, 1, false));
        assertThat(second.join()).isEqualTo(new AppendResult.Appended(s, 1, 1, true));
        assertThat(store.latestSeq(s)).isEqualTo(1);
    }

    @Test
    void appends_to_one_session_in_one_batch_chain_in_queue_order() {
        EventStore store = open(new GroupCommitSettings(1024, Duration.ofMillis(200), 100));
        SessionId s = SessionId.of("table-1");

        var first = store.append(append(s, 0, "m1", "a"));
        var second = store.append(append(s, 1, "m2", "b"));
        var stale = store.append(append(s, 0, "m3", "c"));

        assertThat(first.join()).isEqualTo(new AppendResult.Appended(s, 1, 1, false));
        assertThat(second.join()).isEqualTo(new AppendResult.Appended(s, 2, 2, false));
        assertThat(stale.join()).isEqualTo(new AppendResult.Conflict(s, 0, 2));
        assertThat(texts(store.read(s, 0, 10))).containsExactly("a", "b");
    }

    @Test
    void read_pages_through_the_log_in_order_with_content_intact() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        store.append(AppendRequest.of(s, 0, List.of(new NewEvent("dice.rolled", binary)))).join();
        for (int i = 2; i <= 25; i++) {
            store.append(append(s, i - 1, "m" + i, "e" + i)).join();
        }

        List<StoredEvent> first = store.read(s, 0, 10);
        List<StoredEvent> second = store.read(s, 10, 10);
        List<StoredEvent> rest = store.read(s, 20, 10);

        assertThat(first).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(second.getFirst().seq()).isEqualTo(11);
        assertThat(rest).extracting(StoredEvent::seq).containsExactly(21L, 22L, 23L, 24L, 25L);
        StoredEvent roll = first.getFirst();
        assertThat(roll.type()).isEqualTo("dice.rolled");
        assertThat(roll.payload()).isEqualTo(binary);
        assertThat(roll.clientMsgId()).isEmpty();
        assertThat(roll.recordedAt()).isEqualTo(NOW);
        assertThat(first.get(1).clientMsgId()).contains("m2");
        assertThat(store.read(s, 25, 10)).isEmpty();
    }

    @Test
    void an_unknown_session_has_no_events_no_head_and_seq_0() {
        EventStore store = open();
        SessionId s = SessionId.of("nobody-here");

        assertThat(store.read(s, 0, 10)).isEmpty();
        assertThat(store.latestSeq(s)).isZero();
        assertThat(store.head(s)).isEmpty();
        assertThat(store.loadLatestSnapshot(s, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void read_limits_outside_the_allowed_range_are_refused() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");

        assertThatThrownBy(() -> store.read(s, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.read(s, 0, 10_001)).hasMessageContaining("1-10000");
        assertThatThrownBy(() -> store.listSessions(Optional.empty(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void read_before_in_an_unknown_session_finds_nothing() {
        EventStore store = open();
        SessionId s = SessionId.of("nobody-here");

        assertThat(store.readBefore(s, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.readBefore(s, 5, 10)).isEmpty();
    }

    @Test
    void read_before_answers_fewer_than_the_limit_when_fewer_come_before() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        store.append(append(s, 0, "m1", "a", "b", "c")).join();
        // The sessions on either side in key order stay out of the page.
        store.append(append(SessionId.of("table-0"), 0, "m1", "before")).join();
        store.append(append(SessionId.of("table-2"), 0, "m1", "after")).join();

        assertThat(texts(store.readBefore(s, Long.MAX_VALUE, 10))).containsExactly("a", "b", "c");
        assertThat(store.readBefore(s, 100, 10)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(store.readBefore(s, 3, 10)).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void read_before_the_end_answers_the_newest_events_in_ascending_order_with_content_intact() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        for (int i = 1; i <= 25; i++) {
            store.append(append(s, i - 1, "m" + i, "e" + i)).join();
        }

        List<StoredEvent> newest = store.readBefore(s, Long.MAX_VALUE, 10);

        assertThat(newest).extracting(StoredEvent::seq).containsExactlyElementsOf(LongStream.rangeClosed(16, 25).boxed().toList());
        assertThat(texts(newest)).containsExactlyElementsOf(IntStream.rangeClosed(16, 25).mapToObj(i -> "e" + i).toList());
        StoredEvent last = newest.getLast();
        assertThat(last.sessionId()).isEqualTo(s);
        assertThat(last.type()).isEqualTo("test.happened");
        assertThat(last.clientMsgId()).contains("m25");
        assertThat(last.recordedAt()).isEqualTo(NOW);
        assertThat(store.readBefore(s, 26, 10)).extracting(StoredEvent::seq).containsExactlyElementsOf(
                newest.stream().map(StoredEvent::seq).toList());
    }

    @Test
    void read_before_pages_backwards_through_the_whole_log_reaching_every_event_once_in_order() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        int total = 2_500;
        for (int first = 1; first <= total; first += 100) {
            String[] texts = IntStream.range(first, first + 100).mapToObj(i -> "e" + i).toArray(String[]::new);
            store.append(append(s, first - 1, "m" + first, texts)).join();
        }

        List<List<StoredEvent>> pages = new ArrayList<>();
        long before = Long.MAX_VALUE;
        // Bounded, so a store that never reaches the start fails instead of looping.
        while (pages.size() <= total / 100) {
            List<StoredEvent> page = store.readBefore(s, before, 100);
            if (page.isEmpty()) {
                break;
            }
            pages.add(page);
            before = page.getFirst().seq();
        }

        assertThat(pages).hasSize(total / 100).allSatisfy(page -> assertThat(page).hasSize(100));
        assertThat(before).isEqualTo(1);
        List<StoredEvent> walked = pages.reversed().stream().flatMap(List::stream).toList();
        assertThat(walked).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(texts(walked)).containsExactlyElementsOf(IntStream.rangeClosed(1, total).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void read_before_seq_1_or_less_finds_nothing() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        store.append(append(s, 0, "m1", "a", "b", "c")).join();

        assertThat(store.readBefore(s, 1, 10)).isEmpty();
        assertThat(store.readBefore(s, 0, 10)).isEmpty();
        assertThat(texts(store.readBefore(s, 2, 10))).containsExactly("a");
    }

    @Test
    void read_before_limits_outside_the_allowed_range_are_refused() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");

        assertThatThrownBy(() -> store.readBefore(s, Long.MAX_VALUE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.readBefore(s, Long.MAX_VALUE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.readBefore(s, Long.MAX_VALUE, 10_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-10000");
    }

    @Test
    void the_latest_snapshot_at_or_before_a_seq_is_loaded() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        store.append(append(s, 0, "m1", "a", "b", "c", "d", "e")).join();

        store.saveSnapshot(s, 2, "state@2".getBytes(UTF_8)).join();
        store.saveSnapshot(s, 4, "state@4".getBytes(UTF_8)).join();
        store.saveSnapshot(s, 4, "state@4 again".getBytes(UTF_8)).join();

        assertThat(store.loadLatestSnapshot(s, 1)).isEmpty();
        assertThat(store.loadLatestSnapshot(s, 3)).get()
                .satisfies(snap -> {
                    assertThat(snap.seq()).isEqualTo(2);
                    assertThat(new String(snap.state(), UTF_8)).isEqualTo("state@2");
                    assertThat(snap.createdAt()).isEqualTo(NOW);
                });
        assertThat(store.loadLatestSnapshot(s, 100)).get()
                .satisfies(snap -> assertThat(new String(snap.state(), UTF_8)).isEqualTo("state@4 again"));
    }

    @Test
    void a_snapshot_beyond_the_log_is_refused_and_nothing_is_stored() {
        EventStore store = open();
        SessionId s = SessionId.of("table-1");
        store.append(append(s, 0, "m1", "a")).join();

        assertThatThrownBy(() -> store.saveSnapshot(s, 2, new byte[] {1}).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latest event is 1");
        assertThatThrownBy(() -> store.saveSnapshot(s, 0, new byte[] {1}).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveSnapshot(SessionId.of("empty"), 1, new byte[] {1}).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(store.loadLatestSnapshot(s, 10)).isEmpty();
        assertThat(store.head(SessionId.of("empty"))).isEmpty();
    }

    @Test
    void sessions_are_listed_by_id_in_pages() {
        EventStore store = open();
        for (String id : List.of("c", "a", "e", "b", "d")) {
            store.append(append(SessionId.of(id), 0, "m", "x")).join();
        }

        var page1 = store.listSessions(Optional.empty(), 2);
        var page2 = store.listSessions(Optional.of(page1.getLast().sessionId()), 2);
        var page3 = store.listSessions(Optional.of(page2.getLast().sessionId()), 2);

        assertThat(page1).extracting(h -> h.sessionId().value()).containsExactly("a", "b");
        assertThat(page2).extracting(h -> h.sessionId().value()).containsExactly("c", "d");
        assertThat(page3).extracting(h -> h.sessionId().value()).containsExactly("e");
        assertThat(page1.getFirst().latestSeq()).isEqualTo(1);
        assertThat(page1.getFirst().epoch()).isNotBlank();
        assertThat(page1.getFirst().createdAt()).isEqualTo(NOW);
    }

    @Test
    void concurrent_appends_to_many_sessions_are_all_acknowledged_in_order() throws Exception {
        EventStore store = open();
        int sessions = 40;
        int appendsEach = 30;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (int n = 0; n < sessions; n++) {
                SessionId s = SessionId.of("s" + n);
                writers.add(pool.submit(() -> {
                    long seq = 0;
                    for (int i = 1; i <= appendsEach; i++) {
                        seq = appended(store.append(append(s, seq, "m" + i, s + ":" + i)).join()).lastSeq();
                    }
                    return seq;
                }));
            }
            for (Future<?> w : writers) {
                assertThat(w.get(60, TimeUnit.SECONDS)).isEqualTo((long) appendsEach);
            }
        }
        for (int n = 0; n < sessions; n++) {
            SessionId s = SessionId.of("s" + n);
            assertThat(texts(store.read(s, 0, 1000)))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, appendsEach).mapToObj(i -> s + ":" + i).toList());
        }
    }

    @Test
    void concurrent_writes_share_transactions() {
        EventStore store = open(new GroupCommitSettings(1024, Duration.ofMillis(100), 1000));
        List<CompletableFuture<AppendResult>> writes = IntStream.range(0, 200)
                .mapToObj(i -> store.append(append(SessionId.of("s" + i), 0, "m", "x")))
                .toList();
        writes.forEach(CompletableFuture::join);

        var batches = meters.get("hearth.store.batch.writes").summary();
        assertThat((long) batches.totalAmount()).isEqualTo(200);
        assertThat(batches.count()).isLessThanOrEqualTo(20);
    }

    @Test
    void group_commit_off_writes_one_transaction_per_write() {
        EventStore store = open(GroupCommitSettings.OFF);
        List<CompletableFuture<AppendResult>> writes = IntStream.range(0, 30)
                .mapToObj(i -> store.append(append(SessionId.of("s" + i), 0, "m", "x")))
                .toList();
        writes.forEach(CompletableFuture::join);

        assertThat(meters.get("hearth.store.batch.writes").summary().count()).isEqualTo(30);
    }

    @Test
    void a_failed_batch_fails_only_its_own_writes() throws Exception {
        EventStore store = open();
        SessionId poisoned = SessionId.of("poisoned");
        SessionId healthy = SessionId.of("healthy");
        store.append(append(healthy, 0, "m0", "before")).join();
        makeInsertsFail(poisoned);

        assertThatThrownBy(() -> store.append(append(poisoned, 0, "m1", "x")).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(StoreException.class)
                .hasMessageContaining("could not commit a batch")
                .hasMessageContaining("poisoned");
        var next = store.append(append(healthy, 1, "m2", "after")).join();

        assertThat(next).isEqualTo(new AppendResult.Appended(healthy, 2, 2, false));
        assertThat(store.latestSeq(poisoned)).isZero();
        assertThat(store.head(poisoned)).isEmpty();
        assertThat(meters.get("hearth.store.writes.failed").counter().count()).isEqualTo(1);
    }

    @Test
    void a_full_write_queue_fails_fast_and_accepted_writes_still_commit() throws Exception {
        EventStore store = open(new GroupCommitSettings(1, Duration.ZERO, 2));
        SessionId s = SessionId.of("table-1");
        CompletableFuture<AppendResult> first;
        List<CompletableFuture<AppendResult>> queued = new ArrayList<>();
        try (AutoCloseable lock = holdWriteLock()) {
            first = store.append(append(s, 0, "m1", "a"));
            // Once the writer has taken the first write, it waits on the lock and the queue fills.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.get("hearth.store.queue.depth").gauge().value() == 0.0);
            queued.add(store.append(append(s, 1, "m2", "b")));
            queued.add(store.append(append(s, 2, "m3", "c")));

            var rejected = store.append(append(s, 3, "m4", "d"));

            assertThat(rejected).isCompletedExceptionally();
            assertThatThrownBy(rejected::join).cause()
                    .isInstanceOf(StoreOverloadedException.class)
                    .hasMessageContaining("write queue is full");
        }
        assertThat(first.join()).isEqualTo(new AppendResult.Appended(s, 1, 1, false));
        queued.forEach(CompletableFuture::join);
        assertThat(texts(store.read(s, 0, 10))).containsExactly("a", "b", "c");
    }

    @Test
    void close_commits_every_accepted_write_then_refuses_new_ones() {
        EventStore store = open(new GroupCommitSettings(1024, Duration.ofMillis(50), 10_000));
        List<CompletableFuture<AppendResult>> writes = IntStream.range(0, 500)
                .mapToObj(i -> store.append(append(SessionId.of("s" + (i % 50)), i / 50, "m" + i, "x")))
                .toList();

        store.close();

        assertThat(writes).allSatisfy(w -> assertThat(w).isCompleted());
        assertThat(writes.stream().map(CompletableFuture::join)).allMatch(r -> r instanceof AppendResult.Appended);
        var late = store.append(append(SessionId.of("late"), 0, "m", "x"));
        assertThatThrownBy(late::join).cause().isInstanceOf(StoreException.class).hasMessageContaining("closed");
        EventStore reopened = open();
        assertThat(reopened.latestSeq(SessionId.of("s7"))).isEqualTo(10);
    }

    @Test
    void the_log_survives_reopening_with_the_same_epoch() {
        SessionId s = SessionId.of("table-1");
        EventStore first = open();
        first.append(append(s, 0, "m1", "a", "b")).join();
        String epoch = first.head(s).orElseThrow().epoch();
        first.close();

        EventStore second = open();
        var next = second.append(append(s, 2, "m2", "c")).join();
        var retry = second.append(append(s, 0, "m1", "a", "b")).join();

        assertThat(next).isEqualTo(new AppendResult.Appended(s, 3, 3, false));
        assertThat(retry).isEqualTo(new AppendResult.Appended(s, 1, 2, true));
        assertThat(second.head(s).orElseThrow().position().epoch()).isEqualTo(epoch);
        assertThat(texts(second.read(s, 0, 10))).containsExactly("a", "b", "c");
    }

    @Test
    void two_writers_on_one_database_never_share_a_seq() throws Exception {
        // Two stores on one database stand for two server nodes serving the same session.
        EventStore nodeA = open();
        EventStore nodeB = open();
        SessionId s = SessionId.of("shared");
        int perNode = 60;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var a = pool.submit(() -> writeWithRetries(nodeA, s, "A", perNode));
            var b = pool.submit(() -> writeWithRetries(nodeB, s, "B", perNode));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        }
        List<StoredEvent> log = nodeA.read(s, 0, 1000);

        assertThat(log).extracting(StoredEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * perNode).boxed().toList());
        assertThat(texts(log)).filteredOn(t -> t.startsWith("A")).hasSize(perNode);
        assertThat(texts(log)).filteredOn(t -> t.startsWith("B")).hasSize(perNode);
    }

    private static Void writeWithRetries(EventStore store, SessionId s, String node, int count) {
        for (int i = 0; i < count; i++) {
            while (true) {
                long seq = store.latestSeq(s);
                if (store.append(append(s, seq, node + i, node + i)).join() instanceof AppendResult.Appended) {
                    break;
                }
            }
        }
        return null;
    }

    @Test
    void the_database_answers_when_reachable() {
        EventStore store = open();
        store.checkReachable();
        assertThat(store.engine()).isIn("sqlite", "postgresql");
    }
}
