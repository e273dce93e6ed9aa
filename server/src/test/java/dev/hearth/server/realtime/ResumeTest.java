package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.server.realtime.outbox.OutboxSettings;
import dev.hearth.server.realtime.stream.StreamSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that drops (a TCP abort, no close handshake) and comes back with {@code hello.resume
 * {epoch, lastSeq}} gets exactly the durable events it missed, in order, counted in {@code
 * welcome.missed}: no gap, no duplicate, and not the whispers that are not for it.
 *
 * <p>The gaps are real time (1 s, 10 s, 60 s: the last one outlives the server's 60 s silence
 * timeout, so the dropped connection is swept while its user is away), and in them others commit
 * what a busy table would (the 60 s case more than the 1024 events of the in-memory tail, so the
 * replay is read from the store). The server runs without the per-connection rate limit so one
 * connection can commit them quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeTest {

    TestTable table;
    TestTable small;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        table = TestTable.start(Files.createDirectory(dir.resolve("main")),
                TestTable.unthrottled(OutboxSettings.DEFAULT, StreamSettings.DEFAULT));
        small = TestTable.start(Files.createDirectory(dir.resolve("small")), TestTable.unthrottled(
                OutboxSettings.DEFAULT, new StreamSettings(16, 500, 50, 4096, Duration.ofMinutes(5))));
    }

    @AfterAll
    void stop() {
        table.close();
        small.close();
    }

    static boolean durable(JsonNode m) {
        return m.path("id").asText().startsWith("ev:") && m.has("seq");
    }

    /** Commits {@code n} chat lines from {@code from}, every fifth a whisper to {@code whisperTo}; returns when all are acked. */
    static void chat(WsClient from, int n, String prefix, String whisperTo) {
        for (int start = 0; start < n; start += 200) {
            List<String> ids = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + 200); i++) {
                ObjectNode p = payload("text", prefix + " " + i);
                if (i % 5 == 4) {
                    p.set("to", WsClient.JSON.valueToTree(List.of(whisperTo)));
                }
                ids.add(from.send("chat.post", p));
            }
            for (String id : ids) {
                JsonNode ack = from.replyTo(id);
                assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            }
        }
    }

    /** Alice is seated, drops after catching up, others commit {@code events} while she is away, she resumes. */
    void resumesAfter(TestTable t, Duration pause, int events) throws InterruptedException {
        try (WsClient gm = t.seat(t.gm)) {
            WsClient alice = WsClient.connect(t.port(), t.sessionPath());
            JsonNode first = alice.hello(t.alice.accessToken(), null);
            String epoch = first.path("payload").path("position").path("epoch").asText(null);
            String marker = "caught up " + System.nanoTime();
            gm.command("chat.post", payload("text", marker));
            JsonNode last = alice.next(m -> m.path("payload").path("text").asText().equals(marker));
            long lastSeq = last.path("seq").asLong();
            if (epoch == null) {
                try (WsClient peek = WsClient.connect(t.port(), t.sessionPath())) {
                    epoch = peek.hello(t.gm.accessToken(), null).path("payload").path("position").path("epoch").asText();
                }
            }
            alice.abort();
            alice.close();

            long started = System.nanoTime();
            chat(gm, events, "while away", t.bob.id());
            // The GM stays: it beats as a client does, while alice is away.
            long until = started + pause.toNanos();
            for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                Thread.sleep(Math.min(left / 1_000_000 + 1, 20_000));
                gm.send("heartbeat", payload());
            }

            try (WsClient back = WsClient.connect(t.port(), t.sessionPath())) {
                ObjectNode resume = payload("epoch", epoch, "lastSeq", lastSeq);
                JsonNode welcome = back.hello(t.alice.accessToken(), resume);
                assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
                JsonNode p = welcome.path("payload");
                assertThat(p.path("resumed").asBoolean()).as(p.toString()).isTrue();
                assertThat(p.has("resumeProblem")).isFalse();
                long now = p.path("position").path("seq").asLong();

                // The truth: what the GM, who never dropped, saw committed after lastSeq, less what is not for alice.
                List<JsonNode> all = gm.seenSoFar().stream().filter(ResumeTest::durable)
                        .filter(m -> m.path("seq").asLong() > lastSeq && m.path("seq").asLong() <= now).toList();
                assertThat(all.stream().map(m -> m.path("seq").asLong()).toList())
                        .as("the GM saw every event").isEqualTo(range(lastSeq + 1, now));
                List<JsonNode> expected = all.stream().filter(m -> !m.path("payload").path("to").isArray()
                        || m.path("payload").path("to").toString().contains(t.alice.id())).toList();
                assertThat(expected.size()).isGreaterThanOrEqualTo(events - events / 5);

                assertThat(p.path("missed").asInt()).isEqualTo(expected.size());
                List<JsonNode> replayed = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    replayed.add(back.next(ResumeTest::durable));
                }
                assertThat(replayed.stream().map(m -> m.path("seq").asLong()).toList())
                        .isEqualTo(expected.stream().map(m -> m.path("seq").asLong()).toList());
                assertThat(replayed).isEqualTo(expected);
                assertThat(replayed.toString()).doesNotContain(t.bob.id() + "\"]");

                // Live again: the next event follows without a gap or a repeat.
                String after = "after resume " + System.nanoTime();
                JsonNode ack = gm.command("chat.post", payload("text", after));
                assertThat(liveUntil(back, after)).isSorted().doesNotHaveDuplicates().allMatch(s -> s > now)
                        .last().isEqualTo(ack.path("seq").asLong());
            }
        }
    }

    /**
     * The seqs of the durable events a client receives up to the chat line {@code text} (an arrival
     * or leave of an earlier test's client may come first).
     */
    static List<Long> liveUntil(WsClient c, String text) {
        List<Long> seqs = new ArrayList<>();
        while (true) {
            JsonNode m = c.next(ResumeTest::durable);
            seqs.add(m.path("seq").asLong());
            if (m.path("payload").path("text").asText().equals(text)) {
                return seqs;
            }
        }
    }

    static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(s);
        }
        return out;
    }

    @Test
    void a_client_back_after_a_second_gets_exactly_the_events_it_missed() throws Exception {
        resumesAfter(table, Duration.ofSeconds(1), 20);
    }

    @Test
    void a_client_back_after_ten_seconds_of_chat_gets_exactly_the_events_it_missed() throws Exception {
        // Ten seconds of a busy table (20 lines a second).
        resumesAfter(table, Duration.ofSeconds(10), 200);
    }

    @Test
    void a_client_back_after_a_minute_of_chat_gets_the_events_beyond_the_tail_from_the_store() throws Exception {
        // A minute of a busy table, and more than the 1024 events the tail holds: replayed from the store.
        resumesAfter(table, Duration.ofSeconds(60), 1300);
        assertThat(table.registry.scrape()).containsPattern("hearth_realtime_resumes_total\\{source=\"store\"[^}]*} [1-9]");
    }

    @Test
    void a_resume_further_behind_than_max_replay_gets_a_fresh_view() throws Exception {
        try (WsClient gm = small.seat(small.gm)) {
            WsClient alice = WsClient.connect(small.port(), small.sessionPath());
            alice.hello(small.alice.accessToken(), null);
            String marker = "caught up " + System.nanoTime();
            gm.command("chat.post", payload("text", marker));
            long lastSeq = alice.next(m -> m.path("payload").path("text").asText().equals(marker)).path("seq").asLong();
            alice.abort();
            alice.close();
            chat(gm, 60, "while away", small.bob.id());
            try (WsClient back = WsClient.connect(small.port(), small.sessionPath())) {
                JsonNode welcome = back.hello(small.alice.accessToken(), payload("lastSeq", lastSeq));
                JsonNode p = welcome.path("payload");
                assertThat(p.path("resumeProblem").asText()).as(p.toString()).isEqualTo("too_far_behind");
                assertThat(p.path("resumed").asBoolean()).isFalse();
                assertThat(p.path("missed").asInt()).isZero();
                assertThat(p.path("view").path("seated").isArray()).isTrue();
                assertThat(p.path("position").path("seq").asLong()).isGreaterThanOrEqualTo(lastSeq + 60);
                // No replay follows: the next durable event is a new one.
                String after = "after fresh view " + System.nanoTime();
                JsonNode ack = gm.command("chat.post", payload("text", after));
                long now = p.path("position").path("seq").asLong();
                assertThat(liveUntil(back, after)).isSorted().doesNotHaveDuplicates().allMatch(s -> s > now)
                        .last().isEqualTo(ack.path("seq").asLong());
            }
        }
    }
}
