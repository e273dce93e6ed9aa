package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The SSE transport over real sockets: the same frames as WebSocket, ids that resume, tickets, commands by POST. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SseTransportTest {

    TestTable table;

    @BeforeAll
    void start(@TempDir Path dir) {
        table = TestTable.start(dir, RealtimeSettings.DEFAULT.withSseHeartbeat(Duration.ofMillis(300)));
    }

    @AfterAll
    void stop() {
        table.close();
    }

    private String activity() {
        return "/sse/activity/" + table.sessionId;
    }

    private SseClient listen(String token, Map<String, String> headers) {
        SseClient c = SseClient.open(table.port(), activity(), token, headers);
        assertThat(c.status()).isEqualTo(200);
        SseClient.Event welcome = c.next(e -> true);
        assertThat(welcome.event()).as(welcome.toString()).isEqualTo("welcome");
        assertThat(welcome.id()).isNull();
        return c;
    }

    private static SseClient.Event chat(SseClient c, String text) {
        return c.next(e -> e.frame().path("payload").path("text").asText().equals(text));
    }

    @Test
    void a_listener_gets_chat_from_a_websocket_member_with_the_seq_as_event_id() {
        try (SseClient bob = listen(table.bob.accessToken(), Map.of()); WsClient alice = table.seat(table.alice)) {
            assertThat(bob.header("Content-Type")).startsWith("text/event-stream");
            assertThat(bob.header("Cache-Control")).isEqualTo("no-cache, no-transform");
            assertThat(bob.header("X-Accel-Buffering")).isEqualTo("no");
            JsonNode ack = alice.command("chat.post", payload("text", "over the wire"));
            SseClient.Event e = chat(bob, "over the wire");
            assertThat(e.event()).isEqualTo("chat.posted");
            assertThat(e.id()).isEqualTo(Long.toString(ack.path("seq").asLong()));
            assertThat(e.frame().path("seq").asLong()).isEqualTo(ack.path("seq").asLong());
        }
    }

    @Test
    void a_quiet_stream_gets_comment_heartbeats_and_is_not_closed_for_silence() throws Exception {
        try (SseClient bob = listen(table.bob.accessToken(), Map.of())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (bob.comments().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(bob.comments()).contains("heartbeat");
        }
    }

    @Test
    void last_event_id_resumes_with_exactly_the_missed_events_in_order() {
        long last;
        try (WsClient alice = table.seat(table.alice)) {
            try (SseClient bob = listen(table.bob.accessToken(), Map.of())) {
                for (int i = 0; i < 5; i++) {
                    alice.command("chat.post", payload("text", "before " + i));
                }
                last = Long.parseLong(chat(bob, "before 4").id());
            }
            List<Long> missed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                missed.add(alice.command("chat.post", payload("text", "away " + i)).path("seq").asLong());
            }
            long marker = alice.command("chat.post", payload("text", "resume marker")).path("seq").asLong();
            for (Map<String, String> how : List.of(Map.of("Last-Event-ID", Long.toString(last)), Map.<String, String>of())) {
                String path = how.isEmpty() ? activity() + "?lastEventId=" + last : activity();
                try (SseClient bob = SseClient.open(table.port(), path, table.bob.accessToken(), how)) {
                    SseClient.Event welcome = bob.nextOfType("welcome");
                    assertThat(welcome.frame().path("payload").path("resumed").asBoolean()).isTrue();
                    chat(bob, "resume marker");
                    List<Long> ids = bob.seenSoFar().stream().filter(e -> e.id() != null)
                            .map(e -> Long.parseLong(e.id())).toList();
                    // Every table event after `last` is visible to bob: no gap, no duplicate, in order.
                    List<Long> expected = new ArrayList<>();
                    for (long s = last + 1; s <= marker; s++) {
                        expected.add(s);
                    }
                    assertThat(ids).isEqualTo(expected);
                    assertThat(ids).containsAll(missed);
                    List<String> texts = bob.seenSoFar().stream().map(e -> e.frame().path("payload").path("text").asText())
                            .filter(t -> t.startsWith("away ")).toList();
                    assertThat(texts).containsExactly("away 0", "away 1", "away 2", "away 3", "away 4");
                }
            }
        }
    }

    @Test
    void a_whisper_stays_redacted_on_sse() {
        try (SseClient bob = listen(table.bob.accessToken(), Map.of());
                SseClient watcher = listen(table.spectator.accessToken(), Map.of());
                WsClient alice = table.seat(table.alice)) {
            JsonNode ack = alice.command("chat.post", payload("text", "sse psst", "to", List.of(table.bob.id())));
            assertThat(chat(bob, "sse psst").id()).isEqualTo(Long.toString(ack.path("seq").asLong()));
            alice.command("chat.post", payload("text", "sse marker"));
            chat(watcher, "sse marker");
            assertThat(watcher.seenSoFar().toString()).doesNotContain("sse psst");
        }
    }

    @Test
    void a_ticket_works_once() {
        String ticket = table.expect(200, table.bob.accessToken(), "POST", "/api/realtime/ticket", null)
                .path("ticket").asText();
        try (SseClient first = SseClient.open(table.port(), activity() + "?ticket=" + ticket, null, Map.of())) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.next(e -> true).frame().path("payload").path("userId").asText()).isEqualTo(table.bob.id());
        }
        try (SseClient again = SseClient.open(table.port(), activity() + "?ticket=" + ticket, null, Map.of())) {
            assertThat(again.status()).isEqualTo(401);
            assertThat(again.body().path("code").asText()).isEqualTo("E002");
        }
    }

    @Test
    void a_token_in_the_url_is_refused() {
        for (String param : List.of("token", "access_token")) {
            try (SseClient c = SseClient.open(table.port(), activity() + "?" + param + "=" + table.bob.accessToken(),
                    null, Map.of())) {
                assertThat(c.status()).isEqualTo(400);
                assertThat(c.body().path("code").asText()).isEqualTo("E007");
            }
        }
    }

    @Test
    void unauthenticated_and_outsiders_are_refused_before_the_stream_starts() {
        try (SseClient c = SseClient.open(table.port(), activity(), null, Map.of())) {
            assertThat(c.status()).isEqualTo(401);
        }
        try (SseClient c = SseClient.open(table.port(), activity(), table.outsider.accessToken(), Map.of())) {
            assertThat(c.status()).isEqualTo(404);
            assertThat(c.body().path("code").asText()).isEqualTo("E005");
        }
        try (SseClient c = SseClient.open(table.port(), activity(), table.bob.accessToken(),
                Map.of("Last-Event-ID", "soon"))) {
            assertThat(c.status()).isEqualTo(400);
            assertThat(c.body().path("code").asText()).isEqualTo("E007");
        }
    }

    @Test
    void commands_by_post_are_acked_after_commit_and_arrive_on_the_stream() {
        try (SseClient bob = listen(table.bob.accessToken(), Map.of())) {
            JsonNode ack = table.expect(200, table.bob.accessToken(), "POST", "/api/sessions/" + table.sessionId
                    + "/commands", "{\"id\":\"post-1\",\"type\":\"chat.post\",\"payload\":{\"text\":\"by post\"}}");
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            SseClient.Event e = chat(bob, "by post");
            assertThat(e.id()).isEqualTo(Long.toString(ack.path("seq").asLong()));
        }
    }

    @Test
    void notifications_and_system_streams_open_for_the_caller() {
        try (SseClient inbox = SseClient.open(table.port(), "/sse/notifications", table.bob.accessToken());
                SseClient system = SseClient.open(table.port(), "/sse/system", table.bob.accessToken())) {
            SseClient.Event w = inbox.nextOfType("welcome");
            assertThat(w.frame().path("payload").path("channel").asText()).isEqualTo("user");
            assertThat(system.nextOfType("welcome").frame().path("payload").path("channel").asText()).isEqualTo("system");
            try (WsClient alice = table.seat(table.alice)) {
                alice.command("chat.post", payload("text", "note for bob", "to", List.of(table.bob.id())));
            }
            SseClient.Event note = inbox.next(e -> e.id() != null);
            assertThat(note.frame().toString()).contains("note for bob");
        }
    }

    @Test
    void a_switch_from_websocket_to_sse_and_back_ends_with_exactly_the_committed_sequence() {
        List<Long> got = new ArrayList<>();
        long start;
        try (WsClient alice = table.seat(table.alice)) {
            start = alice.command("chat.post", payload("text", "switch start")).path("seq").asLong();
            long last = start;
            try (WsClient bob = WsClient.connect(table.port(), table.sessionPath())) {
                bob.hello(table.bob.accessToken(), WsClient.payload("lastSeq", start));
                for (int i = 0; i < 3; i++) {
                    alice.send("chat.post", payload("text", "switch ws " + i));
                }
                bob.next(m -> m.path("payload").path("text").asText().equals("switch ws 2"));
                for (JsonNode m : bob.seenSoFar()) {
                    if (m.has("seq") && m.path("id").asText().startsWith("ev:")) {
                        got.add(m.path("seq").asLong());
                    }
                }
                last = got.get(got.size() - 1);
            }
            for (int i = 0; i < 3; i++) {
                alice.send("chat.post", payload("text", "switch gap " + i));
            }
            try (SseClient bob = SseClient.open(table.port(), activity(), table.bob.accessToken(),
                    Map.of("Last-Event-ID", Long.toString(last)))) {
                for (int i = 0; i < 3; i++) {
                    alice.send("chat.post", payload("text", "switch sse " + i));
                }
                chat(bob, "switch sse 2");
                bob.seenSoFar().stream().filter(e -> e.id() != null).forEach(e -> got.add(Long.parseLong(e.id())));
                last = got.get(got.size() - 1);
            }
            long end;
            try (WsClient bob = WsClient.connect(table.port(), table.sessionPath())) {
                bob.hello(table.bob.accessToken(), WsClient.payload("lastSeq", last));
                end = alice.command("chat.post", payload("text", "switch end")).path("seq").asLong();
                bob.next(m -> m.path("payload").path("text").asText().equals("switch end"));
                for (JsonNode m : bob.seenSoFar()) {
                    if (m.has("seq") && m.path("id").asText().startsWith("ev:")) {
                        got.add(m.path("seq").asLong());
                    }
                }
            }
            List<Long> expected = new ArrayList<>();
            for (long s = start + 1; s <= end; s++) {
                expected.add(s);
            }
            assertThat(got).isEqualTo(expected);
        }
    }

    @Test
    void a_revoked_sign_in_closes_the_stream_though_the_listener_never_speaks() {
        dev.hearth.server.auth.TestAccounts.Registered carol = dev.hearth.server.auth.TestAccounts.register(
                table.server.auth().auth(), "carol");
        table.join(carol, "player");
        try (SseClient c = listen(carol.accessToken(), Map.of())) {
            table.expect(204, carol.accessToken(), "POST", "/api/auth/password", "{\"currentPassword\":\""
                    + dev.hearth.server.auth.TestAccounts.PASSWORD + "\",\"newPassword\":\"a brand new passphrase\"}");
            SseClient.Event error = c.nextOfType("error");
            assertThat(error.frame().path("payload").path("code").asText()).isEqualTo("E002");
            SseClient.Event close = c.nextOfType("close");
            assertThat(close.frame().path("code").asInt()).isEqualTo(4401);
            c.awaitEnd();
        }
    }
}
