package dev.hearth.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Model-based check of the log's invariants: for any mix of fresh appends, stale appends and
 * retried client messages across sessions, submitted together so they share batches, every answer
 * and the final log equal those of a trivial in-memory model, whether read forwards or paged
 * backwards from its end.
 */
class EventLogModelProperties {

    /** One try's operation: a write to a session, which is fresh, stale, or a retry of an earlier message. */
    record Op(int session, Kind kind, int events, int pick) {}

    enum Kind { FRESH, STALE, RETRY }

    private static Path dir;
    private static EventStore store;
    private int tryNumber;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("hearth-model");
        store = SqliteEventStore.open(SqliteEventStore.Options.at(dir.resolve("hearth.db")),
                new GroupCommitSettings(64, Duration.ofMillis(2), 10_000), InstantSource.system(), new SimpleMeterRegistry());
    }

    @AfterContainer
    static void close() throws IOException {
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<Op>> scripts() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 1000))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void the_store_answers_and_ends_like_the_model(
            @ForAll("scripts") List<Op> script, @ForAll @IntRange(min = 1, max = 8) int pageSize) {
        String prefix = "t" + (tryNumber++) + "-";
        Map<Integer, List<String>> model = new HashMap<>();
        Map<String, long[]> modelMessages = new HashMap<>();
        Map<String, Integer> messageSession = new HashMap<>();
        List<String> messageIds = new ArrayList<>();
        List<CompletableFuture<AppendResult>> answers = new ArrayList<>();
        List<AppendResult> expected = new ArrayList<>();

        for (int i = 0; i < script.size(); i++) {
            Op op = script.get(i);
            List<String> log = model.computeIfAbsent(op.session(), k -> new ArrayList<>());
            SessionId sid = SessionId.of(prefix + op.session());
            if (op.kind() == Kind.RETRY && !messageIds.isEmpty()) {
                String msg = messageIds.get(op.pick() % messageIds.size());
                SessionId retried = SessionId.of(prefix + messageSession.get(msg));
                long[] range = modelMessages.get(msg);
                answers.add(store.append(request(retried, 0, msg, (int) (range[1] - range[0] + 1), i)));
                expected.add(new AppendResult.Appended(retried, range[0], range[1], true));
                continue;
            }
            String msg = prefix + "m" + i;
            long latest = log.size();
            if (op.kind() == Kind.STALE && latest > 0) {
                long stale = op.pick() % latest;
                answers.add(store.append(request(sid, stale, msg, op.events(), i)));
                expected.add(new AppendResult.Conflict(sid, stale, latest));
                continue;
            }
            answers.add(store.append(request(sid, latest, msg, op.events(), i)));
            for (int e = 0; e < op.events(); e++) {
                log.add(i + ":" + e);
            }
            expected.add(new AppendResult.Appended(sid, latest + 1, log.size(), false));
            modelMessages.put(msg, new long[] {latest + 1, log.size()});
            messageSession.put(msg, op.session());
            messageIds.add(msg);
        }

        assertThat(answers.stream().map(CompletableFuture::join).toList()).isEqualTo(expected);
        model.forEach((session, log) -> {
            SessionId sid = SessionId.of(prefix + session);
            assertThat(payloads(store.read(sid, 0, 1000))).isEqualTo(log);
            assertThat(store.latestSeq(sid)).isEqualTo(log.size());
            assertPagesBackwardsLikeTheModel(sid, log, pageSize);
        });
    }

    /**
     * Pages backwards from the end of the session's log as a newest-first feed does, each page
     * starting before the first seq of the last: every page must be the model's events just before.
     */
    private static void assertPagesBackwardsLikeTheModel(SessionId sid, List<String> log, int pageSize) {
        long before = Long.MAX_VALUE;
        int end = log.size();
        while (true) {
            List<StoredEvent> page = store.readBefore(sid, before, pageSize);
            int start = Math.max(0, end - pageSize);
            assertThat(payloads(page)).isEqualTo(log.subList(start, end));
            if (page.isEmpty()) {
                return;
            }
            assertThat(page.getFirst().seq()).isEqualTo(start + 1);
            before = page.getFirst().seq();
            end = start;
        }
    }

    private static List<String> payloads(List<StoredEvent> events) {
        return events.stream().map(e -> new String(e.payload(), UTF_8)).toList();
    }

    private static AppendRequest request(SessionId sid, long expectedSeq, String msg, int events, int op) {
        List<NewEvent> list = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            list.add(new NewEvent("test.event", (op + ":" + e).getBytes(UTF_8)));
        }
        return AppendRequest.of(sid, expectedSeq, msg, list);
    }
}
