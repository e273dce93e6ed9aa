package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.assertError;
import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.auth.TestAccounts;
import java.nio.charset.StandardCharsets;
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
 * What the server does with bad input over real WebSockets: every case gets its error in the one
 * shape {@code {type:"error", re?, payload:{code, message, ...}}}, changes nothing (the session's seq,
 * read from a fresh welcome, is the same), and leaves the connection working where it should.
 *
 * <p>Every member keeps an "anchor" connection open for the whole class, so that fresh connections
 * of theirs record no arrival (and closing them no leave): the log then changes only by what a test
 * does. The timeout cases run on a second server with a short hello and silence timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeBadInputTest {

    TestTable table;
    TestTable quick;
    final List<WsClient> anchors = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        table = TestTable.start(Files.createDirectory(dir.resolve("main")));
        quick = TestTable.start(Files.createDirectory(dir.resolve("quick")), RealtimeSettings.DEFAULT
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3)));
        for (TestAccounts.Registered who : List.of(table.gm, table.alice, table.bob, table.spectator)) {
            anchors.add(table.seat(who));
        }
        // The arrivals are in the log once the GM's anchor has seen the other three: the GM's own was
        // committed first, and may be in its welcome rather than sent as an event (it can commit before
        // the anchor attaches).
        WsClient gm = anchors.get(0);
        for (TestAccounts.Registered who : List.of(table.alice, table.bob, table.spectator)) {
            gm.next(m -> m.path("type").asText().equals("member.arrived")
                    && m.path("payload").path("userId").asText().equals(who.id()));
        }
    }

    @AfterAll
    void stop() {
        anchors.forEach(WsClient::close);
        table.close();
        quick.close();
    }

    /** The session's position now, as a fresh welcome tells it. */
    long seq() {
        try (WsClient c = WsClient.connect(table.port(), table.sessionPath())) {
            JsonNode welcome = c.hello(table.gm.accessToken(), null);
            assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
            return welcome.path("payload").path("position").path("seq").asLong();
        }
    }

    /** The connection still works: a heartbeat is answered. */
    static void stillWorks(WsClient c) {
        String id = c.send("heartbeat", null);
        assertThat(c.replyTo(id).path("type").asText()).isEqualTo("heartbeat");
    }

    /** An error in the one shape, answering {@code re} when given. */
    static JsonNode error(WsClient c, String code, String re) {
        JsonNode e = c.next(m -> m.path("type").asText().equals("error"));
        assertError(e, code);
        assertThat(e.has("payload")).isTrue();
        if (re != null) {
            assertThat(e.path("re").asText()).isEqualTo(re);
        }
        return e;
    }

    @Test
    void malformed_json_is_refused_with_e007_and_the_connection_stays_open() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            alice.sendRaw("{\"id\":\"x1\",\"type\":\"chat.post\",\"payload\":{\"text\":");
            error(alice, "E007", null);
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_binary_frame_is_refused_with_e007_and_the_connection_stays_open() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            alice.sendBinary("{\"id\":\"b1\",\"type\":\"chat.post\",\"payload\":{\"text\":\"hi\"}}"
                    .getBytes(StandardCharsets.UTF_8));
            error(alice, "E007", null);
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void an_unknown_type_is_refused_with_e007() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            String id = alice.send("dice.juggle", payload("count", 3));
            JsonNode e = error(alice, "E007", id);
            assertThat(e.path("payload").path("details").path("field").asText()).isEqualTo("type");
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_message_without_an_id_or_without_a_type_is_refused_with_e007() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            alice.sendRaw("{\"type\":\"chat.post\",\"payload\":{\"text\":\"no id\"}}");
            assertThat(error(alice, "E007", null).path("payload").path("details").path("field").asText())
                    .isEqualTo("id");
            alice.sendRaw("{\"id\":\"no-type-1\",\"payload\":{\"text\":\"no type\"}}");
            assertThat(error(alice, "E007", "no-type-1").path("payload").path("details").path("field").asText())
                    .isEqualTo("type");
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_frame_over_64_kib_is_refused_with_e003_and_a_following_chat_works() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            String big = "x".repeat(64 * 1024);
            alice.sendRaw("{\"id\":\"big-1\",\"type\":\"chat.post\",\"payload\":{\"text\":\"" + big + "\"}}");
            JsonNode e = error(alice, "E003", null);
            assertThat(e.path("payload").path("details").path("limitBytes").asInt()).isEqualTo(64 * 1024);
            assertThat(seq()).isEqualTo(before);
            JsonNode ack = alice.command("chat.post", payload("text", "after the big one"));
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            assertThat(ack.path("seq").asLong()).isEqualTo(before + 1);
        }
    }

    @Test
    void a_message_before_hello_is_refused_with_e002() {
        long before = seq();
        try (WsClient c = WsClient.connect(table.port(), table.sessionPath())) {
            String id = c.send("chat.post", payload("text", "too early"));
            error(c, "E002", id);
            // Still waiting for its hello, which works.
            JsonNode welcome = c.hello(table.alice.accessToken(), null);
            assertThat(welcome.path("type").asText()).as(welcome.toString()).isEqualTo("welcome");
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_bad_token_in_hello_is_refused_with_e002_and_the_connection_closed_with_1008() {
        long before = seq();
        try (WsClient c = WsClient.connect(table.port(), table.sessionPath())) {
            JsonNode e = c.hello("not.a.token", null);
            assertError(e, "E002");
            assertThat(e.path("re").asText()).isNotBlank();
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void no_hello_within_the_hello_timeout_closes_the_connection_with_1008() {
        try (WsClient c = WsClient.connect(quick.port(), quick.sessionPath())) {
            error(c, "E002", null);
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void a_session_that_does_not_exist_or_is_not_yours_is_refused_with_e005_and_closed() {
        long before = seq();
        try (WsClient c = WsClient.connect(table.port(), "/ws/session/no-such-session")) {
            assertError(c.hello(table.alice.accessToken(), null), "E005");
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
        try (WsClient c = WsClient.connect(table.port(), table.sessionPath())) {
            assertError(c.hello(table.outsider.accessToken(), null), "E005");
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_spectators_chat_is_refused_with_e011() {
        long before = seq();
        try (WsClient watcher = table.seat(table.spectator)) {
            assertError(watcher.command("chat.post", payload("text", "let me speak")), "E011");
            stillWorks(watcher);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_chat_of_3000_characters_is_refused_with_e007_on_the_text() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            JsonNode e = alice.command("chat.post", payload("text", "a".repeat(3000)));
            assertError(e, "E007");
            assertThat(e.path("payload").path("details").path("field").asText()).isEqualTo("text");
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_whisper_to_someone_who_is_not_a_member_is_refused_with_e007() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            JsonNode e = alice.command("chat.post", payload("text", "psst", "to", List.of(table.outsider.id())));
            assertError(e, "E007");
            assertThat(e.path("payload").path("details").path("field").asText()).isEqualTo("to");
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void resume_with_a_negative_or_non_integer_last_seq_is_refused_with_e007() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            String id = alice.send("resume", payload("lastSeq", -1));
            JsonNode negative = alice.next(m -> m.path("type").asText().equals("welcome")
                    || id.equals(m.path("re").asText()));
            assertError(negative, "E007");
            assertThat(negative.path("payload").path("details").path("field").asText()).isEqualTo("lastSeq");
            String id2 = alice.send("resume", payload("lastSeq", "seven"));
            JsonNode e = error(alice, "E007", id2);
            assertThat(e.path("payload").path("details").path("field").asText()).isEqualTo("lastSeq");
            stillWorks(alice);
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void resume_beyond_the_stream_gets_a_welcome_with_a_fresh_view() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice)) {
            alice.send("resume", payload("lastSeq", before + 1000));
            JsonNode welcome = alice.nextOfType("welcome");
            JsonNode p = welcome.path("payload");
            assertThat(p.path("resumeProblem").asText()).isEqualTo("ahead");
            assertThat(p.path("resumed").asBoolean()).isFalse();
            assertThat(p.path("view").path("seated").isArray()).isTrue();
            assertThat(p.path("position").path("seq").asLong()).isEqualTo(before);
            stillWorks(alice);
        }
        try (WsClient c = WsClient.connect(table.port(), table.sessionPath())) {
            JsonNode welcome = c.hello(table.alice.accessToken(), payload("lastSeq", before + 5));
            assertThat(welcome.path("payload").path("resumeProblem").asText()).isEqualTo("ahead");
            assertThat(welcome.path("payload").has("view")).isTrue();
        }
        assertThat(seq()).isEqualTo(before);
    }

    @Test
    void a_replayed_message_id_with_the_same_body_is_acked_again_as_a_duplicate_and_recorded_once() {
        long before = seq();
        try (WsClient alice = table.seat(table.alice); WsClient bob = table.seat(table.bob)) {
            alice.sendWithId("same-1", "chat.post", payload("text", "only once"));
            JsonNode first = alice.replyTo("same-1");
            assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("ack");
            alice.sendWithId("same-1", "chat.post", payload("text", "only once"));
            JsonNode again = alice.replyTo("same-1");
            assertThat(again.path("type").asText()).as(again.toString()).isEqualTo("ack");
            assertThat(again.path("payload").path("duplicate").asBoolean()).isTrue();
            assertThat(again.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
            bob.send("chat.post", payload("text", "marker after duplicate"));
            bob.next(m -> m.path("payload").path("text").asText().equals("marker after duplicate"));
            assertThat(bob.seenSoFar().stream().filter(m -> m.path("payload").path("text").asText().equals("only once")))
                    .hasSize(1);
        }
        assertThat(seq()).isEqualTo(before + 2);
    }

    @Test
    void a_replayed_message_id_with_a_different_body_is_refused_with_e015_and_records_nothing() {
        try (WsClient alice = table.seat(table.alice)) {
            JsonNode first = alice.command("chat.post", payload("text", "original"));
            alice.sendWithId("reused-1", "chat.post", payload("text", "first body"));
            assertThat(alice.replyTo("reused-1").path("type").asText()).isEqualTo("ack");
            long before = seq();
            alice.sendWithId("reused-1", "chat.post", payload("text", "another body"));
            JsonNode e = alice.replyTo("reused-1");
            assertError(e, "E015");
            assertThat(e.path("payload").path("details").path("field").asText()).isEqualTo("id");
            assertThat(seq()).isEqualTo(before);
            assertThat(first.path("type").asText()).isEqualTo("ack");
            stillWorks(alice);
        }
    }

    @Test
    void a_flood_of_chat_gets_e004_with_retry_after_then_1008_and_the_server_serves_others() {
        try (WsClient flooder = table.seat(table.bob); WsClient alice = table.seat(table.alice)) {
            // The burst (40) and the refusals allowed (50), at once; then one at a time until cut off, so
            // that no frame of the flooder's is still on the wire when the server closes (its close
            // frame could be lost to the TCP reset that unread data causes).
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 91; i++) {
                ids.add(flooder.send("chat.post", payload("text", "flood " + i)));
            }
            List<JsonNode> refused = new ArrayList<>();
            // Refusals come at once, acks after commit (not in the order sent); once the server has
            // decided to close, the acks still to come are not sent (the client resends those ids).
            java.util.Set<String> pending = new java.util.HashSet<>(ids);
            long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
            while (!pending.isEmpty() && !flooder.isClosed() && System.nanoTime() < deadline) {
                for (JsonNode reply : flooder.drain()) {
                    if (pending.remove(reply.path("re").asText()) && reply.path("type").asText().equals("error")) {
                        refused.add(reply);
                    }
                }
                closedSoon(flooder, 20);
            }
            for (JsonNode reply : flooder.drain()) {
                if (pending.remove(reply.path("re").asText()) && reply.path("type").asText().equals("error")) {
                    refused.add(reply);
                }
            }
            for (int i = 0; i < 40 && !(refused.size() > 50 && closedSoon(flooder, 1000)); i++) {
                JsonNode reply = flooder.command("chat.post", payload("text", "one more " + i));
                if (reply.path("type").asText().equals("error")) {
                    refused.add(reply);
                }
            }
            assertThat(refused).hasSizeGreaterThan(50);
            for (JsonNode limited : refused) {
                assertError(limited, "E004");
                assertThat(limited.path("payload").path("retryAfter").asLong()).isPositive();
            }
            assertThat(flooder.awaitClose()).isEqualTo(1008);
            JsonNode ack = alice.command("chat.post", payload("text", "still here"));
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
        }
    }

    static boolean closedSoon(WsClient c, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return c.isClosed();
    }

    @Test
    void heartbeat_silence_closes_the_connection_with_4408() {
        try (WsClient c = quick.seat(quick.alice)) {
            assertThat(c.awaitClose()).isEqualTo(4408);
        }
    }

    @Test
    void an_abrupt_tcp_close_leaves_the_server_serving_others_and_drops_the_user_from_presence() {
        try (WsClient gm = quick.seat(quick.gm); WsClient bob = quick.seat(quick.bob)) {
            gm.next(m -> m.path("type").asText().equals("presence_update")
                    && m.path("payload").toString().contains(quick.bob.id()));
            bob.send("chat.post", payload("text", "about to drop"));
            bob.abort();
            gm.next(m -> m.path("type").asText().equals("presence_update")
                    && !m.path("payload").toString().contains(quick.bob.id()));
            JsonNode ack = gm.command("chat.post", payload("text", "still serving"));
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            try (WsClient alice = quick.seat(quick.alice)) {
                JsonNode reply = alice.replyTo(alice.send("request", payload("method", "presence.list")));
                assertThat(reply.path("payload").toString()).doesNotContain(quick.bob.id()).contains(quick.gm.id());
            }
        }
    }
}
