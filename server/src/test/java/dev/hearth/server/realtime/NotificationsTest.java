package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.assertError;
import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.session.SessionId;
import dev.hearth.server.TestServer;
import dev.hearth.server.auth.TestAccounts;
import dev.hearth.store.AppendRequest;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.NewEvent;
import dev.hearth.store.jdbc.JdbcEventStore;
import dev.hearth.store.sqlite.SqliteEventStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications through real sockets: whispers and announcements reach the recipients' inboxes on
 * {@code /ws/user} and over HTTP (list, unread count, mark read); only theirs; bad input changes
 * nothing; and a notification that a crash cut off between the whisper's commit and its delivery
 * is delivered after a restart, once.
 */
class NotificationsTest {

    @TempDir
    Path dir;

    @Test
    void a_whisper_reaches_the_recipients_inbox_on_ws_user_and_over_http_and_mark_read_reaches_both() throws Exception {
        try (TestTable table = TestTable.start(dir); WsClient alice = table.seat(table.alice);
                WsClient bobInbox = WsClient.connect(table.port(), "/ws/user/" + table.bob.id())) {
            JsonNode welcome = bobInbox.hello(table.bob.accessToken(), null);
            assertThat(welcome.path("payload").path("view").path("unread").asInt()).as(welcome.toString()).isZero();

            JsonNode ack = alice.command("chat.post", payload("text", "meet me at the well", "to", List.of(table.bob.id())));
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            JsonNode added = bobInbox.nextOfType("notification.added");
            assertThat(added.path("payload").path("kind").asText()).isEqualTo("whisper");
            assertThat(added.path("payload").path("body").asText()).isEqualTo("meet me at the well");
            assertThat(added.path("payload").path("from").asText()).isEqualTo(table.alice.id());
            assertThat(added.path("payload").path("sessionId").asText()).isEqualTo(table.sessionId);

            JsonNode page = table.expect(200, table.bob.accessToken(), "GET", "/api/notifications", null);
            assertThat(page.path("unread").asInt()).isEqualTo(1);
            assertThat(page.path("items")).hasSize(1);
            assertThat(page.path("items").get(0).path("seq").asLong()).isEqualTo(added.path("seq").asLong());
            assertThat(page.path("nextBefore").isNull()).isTrue();
            // Only the participants: nobody else's inbox has it.
            for (TestAccounts.Registered other : List.of(table.gm, table.spectator, table.alice)) {
                JsonNode theirs = table.expect(200, other.accessToken(), "GET", "/api/notifications", null);
                assertThat(theirs.path("unread").asInt()).as(other.account().username()).isZero();
                assertThat(theirs.toString()).doesNotContain("meet me at the well");
            }

            // The same page by request on the socket.
            String id = bobInbox.send("request", payload("method", "notifications.list", "params", payload("limit", 10)));
            JsonNode reply = bobInbox.replyTo(id);
            assertThat(reply.path("payload").path("items")).hasSize(1);

            JsonNode read = table.expect(200, table.bob.accessToken(), "POST", "/api/notifications/read",
                    "{\"upToSeq\":" + added.path("seq").asLong() + "}");
            assertThat(read.path("unread").asInt()).isZero();
            assertThat(read.path("readUpTo").asLong()).isEqualTo(added.path("seq").asLong());
            JsonNode readEvent = bobInbox.nextOfType("notifications.read");
            assertThat(readEvent.path("payload").path("upToSeq").asLong()).isEqualTo(added.path("seq").asLong());
            // Marking read again changes nothing and records nothing.
            table.expect(200, table.bob.accessToken(), "POST", "/api/notifications/read",
                    "{\"upToSeq\":" + added.path("seq").asLong() + "}");
            assertThat(table.expect(200, table.bob.accessToken(), "GET", "/api/notifications", null)
                    .path("latestSeq").asLong()).isEqualTo(readEvent.path("seq").asLong());
        }
    }

    @Test
    void a_gm_announcement_notifies_every_other_member() {
        try (TestTable table = TestTable.start(dir); WsClient gm = table.seat(table.gm)) {
            JsonNode ack = gm.command("chat.post", payload("text", "Session moves to Friday", "kind", "announcement"));
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            for (TestAccounts.Registered member : List.of(table.alice, table.bob, table.spectator)) {
                JsonNode page = await(table, member, p -> p.path("unread").asInt() == 1);
                assertThat(page.path("items").get(0).path("payload").path("kind").asText()).isEqualTo("announcement");
            }
            assertThat(table.expect(200, table.gm.accessToken(), "GET", "/api/notifications", null)
                    .path("unread").asInt()).isZero();
            assertThat(table.expect(200, table.outsider.accessToken(), "GET", "/api/notifications", null)
                    .path("unread").asInt()).isZero();
        }
    }

    @Test
    void bad_notification_requests_are_refused_and_change_nothing() {
        try (TestTable table = TestTable.start(dir)) {
            String bob = table.bob.accessToken();
            assertThat(table.send(null, "GET", "/api/notifications", null).statusCode()).isEqualTo(401);
            assertThat(table.send("not-a-token", "POST", "/api/notifications/read", "{\"upToSeq\":0}").statusCode())
                    .isEqualTo(401);
            assertCode(table.send(bob, "GET", "/api/notifications?limit=0", null), 400, "E007");
            assertCode(table.send(bob, "GET", "/api/notifications?limit=201", null), 400, "E007");
            assertCode(table.send(bob, "GET", "/api/notifications?before=x", null), 400, "E007");
            assertCode(table.send(bob, "POST", "/api/notifications/read", "{\"upToSeq\":5}"), 400, "E007");
            assertCode(table.send(bob, "POST", "/api/notifications/read", "{\"upToSeq\":-1}"), 400, "E007");
            assertCode(table.send(bob, "POST", "/api/notifications/read", "{\"upToSeq\":\"1\"}"), 400, "E007");
            assertCode(table.send(bob, "POST", "/api/notifications/read", "not json"), 400, "E007");
            assertCode(table.send(bob, "POST", "/api/notifications/read", null), 400, "E007");
            JsonNode page = table.expect(200, bob, "GET", "/api/notifications", null);
            assertThat(page.path("latestSeq").asLong()).isZero();
            assertThat(page.path("items")).isEmpty();
        }
    }

    @Test
    void the_http_routes_are_held_to_the_socket_rate_limits() throws Exception {
        RealtimeSettings d = RealtimeSettings.DEFAULT;
        RealtimeSettings tight = new RealtimeSettings(d.helloTimeout(), d.heartbeatInterval(), d.silenceTimeout(), 0.5, 3,
                0.5, 2, d.floodRefusals(), d.ticketTtl(), d.outbox(), d.streams(), d.admins(), d.sseHeartbeat());
        try (TestTable table = TestTable.start(dir, tight)) {
            String alice = table.alice.accessToken();
            String path = "/api/sessions/" + table.sessionId + "/commands";
            for (int i = 0; i < 3; i++) {
                table.expect(200, alice, "POST", path, "{\"id\":\"m" + i + "\",\"type\":\"chat.post\",\"payload\":{\"text\":\"hi " + i + "\"}}");
            }
            HttpResponse<String> limited = table.send(alice, "POST", path,
                    "{\"id\":\"m3\",\"type\":\"chat.post\",\"payload\":{\"text\":\"one too many\"}}");
            assertCode(limited, 429, "E004");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(WsClient.JSON.readTree(limited.body()).path("details").path("retryAfterMillis").asLong()).isPositive();
            // Refused means not done: the chat has the three lines only.
            JsonNode chat = table.expect(200, table.gm.accessToken(), "GET", "/api/sessions/" + table.sessionId + "/chat", null);
            assertThat(chat.path("items")).hasSize(3);
            assertThat(chat.toString()).doesNotContain("one too many");
            // Reads count against the same bucket; another account has its own.
            assertCode(table.send(alice, "GET", "/api/notifications", null), 429, "E004");
            table.expect(200, table.bob.accessToken(), "GET", "/api/notifications", null);

            String cursor = "{\"session\":\"" + table.sessionId + "\",\"x\":1,\"y\":2}";
            assertThat(table.send(table.bob.accessToken(), "POST", "/api/realtime/cursor", cursor).statusCode()).isEqualTo(204);
            assertThat(table.send(table.bob.accessToken(), "POST", "/api/realtime/cursor", cursor).statusCode()).isEqualTo(204);
            assertCode(table.send(table.bob.accessToken(), "POST", "/api/realtime/cursor", cursor), 429, "E004");
        }
    }

    @Test
    void metrics_count_messages_by_transport_and_type_with_unknown_types_folded() throws Exception {
        try (TestTable table = TestTable.start(dir); WsClient alice = table.seat(table.alice);
                WsClient bob = table.seat(table.bob)) {
            alice.command("chat.post", payload("text", "counted"));
            bob.next(m -> m.path("payload").path("text").asText().equals("counted"));
            for (int i = 0; i < 3; i++) {
                assertError(alice.replyTo(alice.send("made.up.type" + i, payload())), "E007");
            }
            String metrics = table.send(null, "GET", "/metrics", null).body();
            assertThat(metrics)
                    .containsPattern("hearth_realtime_messages_in_total\\{[^}]*transport=\"websocket\"[^}]*type=\"chat.post\"")
                    .containsPattern("hearth_realtime_messages_in_total\\{[^}]*type=\"other\"[^}]*\\} 3")
                    .containsPattern("hearth_realtime_messages_out_total\\{[^}]*transport=\"websocket\"[^}]*type=\"chat.posted\"")
                    .containsPattern("hearth_realtime_messages_out_total\\{[^}]*transport=\"websocket\"[^}]*type=\"welcome\"")
                    .containsPattern("hearth_realtime_command_delivery_seconds_count\\{[^}]*transport=\"websocket\"")
                    .containsPattern("hearth_realtime_bytes_out_bytes_count\\{[^}]*transport=\"websocket\"")
                    .doesNotContain("made.up.type")
                    .doesNotContain("type=\"any\"");
        }
    }

    @Test
    void a_notification_cut_off_by_a_crash_after_the_whisper_committed_is_delivered_after_restart_once() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        String sessionId;
        String aliceId;
        String bobName;
        ObjectNode whisper;
        try (TestTable table = TestTable.start(data); WsClient alice = table.seat(table.alice)) {
            sessionId = table.sessionId;
            aliceId = table.alice.id();
            bobName = table.bob.account().username();
            alice.command("chat.post", payload("text", "delivered before", "to", List.of(table.bob.id())));
            JsonNode posted = alice.seenSoFar().stream().filter(f -> f.path("type").asText().equals("chat.posted"))
                    .findFirst().orElseThrow();
            whisper = (ObjectNode) posted.path("payload").deepCopy();
            await(table, table.bob, p -> p.path("items").size() == 1);
        }

        // The crash: a whisper in the table's log, as the actor writes it, whose notification never went out.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JdbcEventStore store = SqliteEventStore.open(SqliteEventStore.Options.at(data.resolve("hearth.db")),
                GroupCommitSettings.DEFAULT, InstantSource.system(), registry)) {
            SessionId session = SessionId.of(sessionId);
            whisper.put("text", "lost in the crash");
            ObjectNode record = WsClient.JSON.createObjectNode().put("by", aliceId).put("at", System.currentTimeMillis());
            record.set("e", whisper);
            store.append(new AppendRequest(session, store.latestSeq(session), List.of(new NewEvent("chat.posted",
                    WsClient.JSON.writeValueAsBytes(record))), Optional.empty())).join();
        }

        try (TestServer server = TestServer.start(data, InstantSource.system(), registry, Duration.ofSeconds(5));
                HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode login = WsClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + bobName + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String token = login.path("accessToken").asText();
            // Nobody opens the table: the restart itself finishes the delivery.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JsonNode page;
            do {
                Thread.sleep(50);
                page = WsClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/notifications"))
                        .header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
            } while (page.path("items").size() < 2 && System.nanoTime() < deadline);
            assertThat(page.path("items")).as(page.toString()).hasSize(2);
            assertThat(page.path("items").get(0).path("payload").path("body").asText()).isEqualTo("delivered before");
            assertThat(page.path("items").get(1).path("payload").path("body").asText()).isEqualTo("lost in the crash");
            assertThat(page.path("unread").asInt()).isEqualTo(2);
        }
    }

    private static JsonNode await(TestTable table, TestAccounts.Registered who, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode page = table.expect(200, who.accessToken(), "GET", "/api/notifications", null);
        while (!done.test(page) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            page = table.expect(200, who.accessToken(), "GET", "/api/notifications", null);
        }
        assertThat(done.test(page)).as(who.account().username() + ": " + page).isTrue();
        return page;
    }

    private static void assertCode(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }
}
