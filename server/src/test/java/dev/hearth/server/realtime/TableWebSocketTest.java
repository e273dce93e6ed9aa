package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.assertError;
import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A game session's table over real WebSockets: welcome, chat, acks after commit, fan-out order, whispers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableWebSocketTest {

    TestTable table;

    @BeforeAll
    void start(@TempDir Path dir) {
        table = TestTable.start(dir);
    }

    @AfterAll
    void stop() {
        table.close();
    }

    @Test
    void a_member_is_welcomed_with_role_position_presence_and_recent_chat() {
        try (WsClient gm = WsClient.connect(table.port(), table.sessionPath())) {
            JsonNode welcome = gm.hello(table.gm.accessToken(), null);
            assertThat(welcome.path("type").asText()).isEqualTo("welcome");
            JsonNode p = welcome.path("payload");
            assertThat(p.path("protocol").asInt()).isEqualTo(1);
            assertThat(p.path("role").asText()).isEqualTo("gm");
            assertThat(p.path("userId").asText()).isEqualTo(table.gm.id());
            assertThat(p.path("position").has("seq")).isTrue();
            assertThat(p.path("resumed").asBoolean()).isFalse();
            assertThat(p.path("view").path("seated").isArray()).isTrue();
            assertThat(p.path("presence").path("users").toString()).contains(table.gm.id());
            assertThat(p.path("chat").path("items").isArray()).isTrue();
        }
    }

    @Test
    void chat_is_acknowledged_after_commit_and_every_member_sees_the_same_order() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient bob = table.seat(table.bob); WsClient watcher = table.seat(table.spectator)) {
            for (int i = 0; i < 20; i++) {
                WsClient from = List.of(gm, alice, bob).get(i % 3);
                from.send("chat.post", payload("text", "line " + i, "kind", "ooc"));
            }
            List<Long> expected = null;
            for (WsClient c : List.of(gm, alice, bob, watcher)) {
                List<Long> seqs = new java.util.ArrayList<>();
                List<String> texts = new java.util.ArrayList<>();
                while (texts.size() < 20) {
                    JsonNode e = c.next(m -> m.path("type").asText().equals("chat.posted")
                            && m.path("payload").path("text").asText().startsWith("line "));
                    seqs.add(e.path("seq").asLong());
                    texts.add(e.path("payload").path("text").asText());
                }
                assertThat(seqs).isSorted().doesNotHaveDuplicates();
                if (expected == null) {
                    expected = seqs;
                } else {
                    assertThat(seqs).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void the_ack_names_the_seq_of_the_event() {
        try (WsClient alice = table.seat(table.alice)) {
            String id = alice.send("chat.post", payload("text", "hello there"));
            JsonNode event = alice.next(m -> m.path("type").asText().equals("chat.posted")
                    && m.path("payload").path("text").asText().equals("hello there"));
            JsonNode ack = alice.replyTo(id);
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(ack.path("seq").asLong()).isEqualTo(event.path("seq").asLong());
        }
    }

    @Test
    void a_whisper_reaches_only_its_participants() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient bob = table.seat(table.bob); WsClient watcher = table.seat(table.spectator)) {
            JsonNode ack = alice.command("chat.post", payload("text", "psst bob", "to", List.of(table.bob.id())));
            assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
            assertThat(bob.next(m -> m.path("payload").path("text").asText().equals("psst bob")).path("seq").asLong())
                    .isEqualTo(ack.path("seq").asLong());
            // A marker after the whisper: when it arrives, the whisper would have arrived before it.
            gm.send("chat.post", payload("text", "marker"));
            for (WsClient c : List.of(gm, watcher)) {
                JsonNode marker = c.next(m -> m.path("payload").path("text").asText().equals("marker"));
                assertThat(marker.path("seq").asLong()).isGreaterThan(ack.path("seq").asLong());
                assertThat(c.seenSoFar().toString()).doesNotContain("psst bob");
            }
        }
    }

    @Test
    void a_spectator_may_not_chat_and_nothing_is_written() {
        try (WsClient watcher = table.seat(table.spectator)) {
            JsonNode error = watcher.command("chat.post", payload("text", "let me in"));
            assertError(error, "E011");
        }
    }

    @Test
    void an_outsider_is_refused_with_e005_and_closed() {
        try (WsClient c = WsClient.connect(table.port(), table.sessionPath())) {
            JsonNode error = c.hello(table.outsider.accessToken(), null);
            assertError(error, "E005");
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }
}
