package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.server.realtime.outbox.OutboxSettings;
import dev.hearth.server.realtime.stream.StreamSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP fallback over real sockets: long-poll, presence of pollers, cursors and drawings by POST, history pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongPollTest {

    TestTable table;

    @BeforeAll
    void start(@TempDir Path dir) {
        // Unthrottled: one test commits 120 chat lines from one account in a burst.
        table = TestTable.start(dir, TestTable.unthrottled(OutboxSettings.DEFAULT, StreamSettings.DEFAULT));
    }

    @AfterAll
    void stop() {
        table.close();
    }

    private JsonNode poll(String token, long after, int wait, String device) {
        return table.expect(200, token, "GET", "/api/realtime/activity?session=" + table.sessionId + "&after=" + after
                + "&wait=" + wait + "&device=" + device, null);
    }

    /** Polls without waiting until the position settles (the poller's own arrival is an event too). */
    private long settle(String token, String device) {
        JsonNode r = poll(token, 0, 0, device);
        long seq = r.path("position").path("seq").asLong();
        while (true) {
            JsonNode next = poll(token, seq, 1, device);
            if (next.path("items").isEmpty()) {
                return seq;
            }
            seq = next.path("position").path("seq").asLong();
        }
    }

    @Test
    void a_poll_answers_at_once_when_something_newer_exists() {
        long position = settle(table.bob.accessToken(), "now");
        try (WsClient alice = table.seat(table.alice)) {
            long seq = alice.command("chat.post", payload("text", "already here")).path("seq").asLong();
            long started = System.nanoTime();
            JsonNode r = poll(table.bob.accessToken(), position, 25, "now");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(r.path("items").toString()).contains("already here");
            assertThat(r.path("position").path("seq").asLong()).isGreaterThanOrEqualTo(seq);
            for (JsonNode item : r.path("items")) {
                assertThat(item.path("seq").asLong()).isGreaterThan(position);
            }
        }
    }

    @Test
    void a_poll_waits_and_returns_early_when_an_event_commits() throws Exception {
        long position = settle(table.bob.accessToken(), "waiter");
        try (WsClient alice = table.seat(table.alice)) {
            // alice's arrival commits as she sits down: wait for the position to move past it first.
            position = settle(table.bob.accessToken(), "waiter");
            long from = position;
            long started = System.nanoTime();
            CompletableFuture<JsonNode> pending = CompletableFuture.supplyAsync(
                    () -> poll(table.bob.accessToken(), from, 25, "waiter"));
            Thread.sleep(500);
            assertThat(pending).isNotDone();
            alice.command("chat.post", payload("text", "woke you"));
            JsonNode r = pending.get(20, TimeUnit.SECONDS);
            // Well before the 25 s wait ran out (a generous bound: only "not the full wait" matters).
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            assertThat(r.path("items").toString()).contains("woke you");
        }
    }

    @Test
    void a_poll_from_the_future_or_with_bad_numbers_is_refused() {
        long position = settle(table.bob.accessToken(), "future");
        for (String query : List.of("&after=" + (position + 1000), "&after=-1", "&wait=26", "&after=x")) {
            HttpResponse<String> r = table.send(table.bob.accessToken(), "GET", "/api/realtime/activity?session="
                    + table.sessionId + query, null);
            assertThat(r.statusCode()).as(query + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("E007");
        }
        HttpResponse<String> outsider = table.send(table.outsider.accessToken(), "GET", "/api/realtime/activity?session="
                + table.sessionId, null);
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(outsider.body()).contains("E005");
    }

    @Test
    void a_whisper_is_not_in_a_bystanders_poll() {
        long position = settle(table.spectator.accessToken(), "bystander");
        try (WsClient alice = table.seat(table.alice)) {
            alice.command("chat.post", payload("text", "poll psst", "to", List.of(table.bob.id())));
            alice.command("chat.post", payload("text", "poll marker"));
            JsonNode r = poll(table.spectator.accessToken(), position, 0, "bystander");
            assertThat(r.toString()).contains("poll marker").doesNotContain("poll psst");
        }
    }

    @Test
    void presence_shows_the_long_poller() {
        poll(table.bob.accessToken(), 0, 0, "poller-1");
        JsonNode presence = table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/presence?session="
                + table.sessionId, null);
        assertThat(presence.toString()).contains(table.bob.id()).contains("long-poll").contains("poller-1");
    }

    @Test
    void cursor_and_draw_posts_reach_a_websocket_member() {
        try (WsClient gm = table.seat(table.gm)) {
            table.expect(204, table.alice.accessToken(), "POST", "/api/realtime/cursor",
                    "{\"session\":\"" + table.sessionId + "\",\"x\":12.5,\"y\":7,\"scene\":\"map\"}");
            JsonNode cursors = gm.next(m -> m.path("type").asText().equals("cursor_moves")
                    && m.toString().contains(table.alice.id()));
            assertThat(cursors.toString()).contains("12.5");
            table.expect(204, table.alice.accessToken(), "POST", "/api/realtime/draw",
                    "{\"session\":\"" + table.sessionId + "\",\"points\":[1,2,3,4],\"color\":\"#ff0000\",\"width\":2}");
            JsonNode drawing = gm.nextOfType("draw_preview");
            assertThat(drawing.toString()).contains("#ff0000");
            JsonNode bad = table.expect(400, table.alice.accessToken(), "POST", "/api/realtime/draw",
                    "{\"session\":\"" + table.sessionId + "\",\"points\":[1,2,3]}");
            assertThat(bad.path("code").asText()).isEqualTo("E007");
            JsonNode watcher = table.expect(403, table.spectator.accessToken(), "POST", "/api/realtime/cursor",
                    "{\"session\":\"" + table.sessionId + "\",\"x\":1,\"y\":1}");
            assertThat(watcher.path("code").asText()).isEqualTo("E011");
            JsonNode outsider = table.expect(404, table.outsider.accessToken(), "POST", "/api/realtime/cursor",
                    "{\"session\":\"" + table.sessionId + "\",\"x\":1,\"y\":1}");
            assertThat(outsider.path("code").asText()).isEqualTo("E005");
        }
    }

    @Test
    void history_pages_walk_back_through_120_chat_lines_exactly_once() {
        String session = table.sessionId;
        for (int i = 0; i < 120; i++) {
            table.expect(200, table.alice.accessToken(), "POST", "/api/sessions/" + session + "/commands",
                    "{\"id\":\"h-" + i + "\",\"type\":\"chat.post\",\"payload\":{\"text\":\"history " + i + "\"}}");
        }
        List<String> lines = new ArrayList<>();
        Set<Long> seqs = new HashSet<>();
        String query = "?limit=50";
        for (int pages = 0; pages < 20; pages++) {
            JsonNode page = table.expect(200, table.bob.accessToken(), "GET", "/api/sessions/" + session + "/chat" + query,
                    null);
            List<String> texts = new ArrayList<>();
            for (JsonNode item : page.path("items")) {
                assertThat(seqs.add(item.path("seq").asLong())).as("seq seen twice: " + item).isTrue();
                texts.add(item.path("payload").path("text").asText());
            }
            lines.addAll(0, texts);
            if (page.path("nextBefore").isNull()) {
                break;
            }
            query = "?limit=50&before=" + page.path("nextBefore").asLong();
        }
        List<String> history = lines.stream().filter(t -> t.startsWith("history ")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            expected.add("history " + i);
        }
        assertThat(history).isEqualTo(expected);
        JsonNode feed = table.expect(200, table.bob.accessToken(), "GET", "/api/sessions/" + session + "/activity?limit=5",
                null);
        assertThat(feed.path("items").isArray()).isTrue();
        for (String bad : List.of("?limit=0", "?limit=201", "?before=0", "?before=x")) {
            JsonNode error = table.expect(400, table.bob.accessToken(), "GET", "/api/sessions/" + session + "/chat" + bad,
                    null);
            assertThat(error.path("code").asText()).isEqualTo("E007");
        }
        assertThat(table.expect(404, table.outsider.accessToken(), "GET", "/api/sessions/" + session + "/chat", null)
                .path("code").asText()).isEqualTo("E005");
    }
}
