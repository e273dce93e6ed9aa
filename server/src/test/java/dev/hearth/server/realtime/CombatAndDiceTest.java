package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.assertError;
import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dice and combat through real sockets: a GM runs an encounter with two players' PCs and a hidden
 * monster; each member gets their own view after every combat command; blind rolls; turn
 * notifications; and every bad input refused with its code, changing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CombatAndDiceTest {

    TestTable table;

    @BeforeAll
    void start(@TempDir Path dir) {
        table = TestTable.start(dir, TestTable.unthrottled(RealtimeSettings.DEFAULT.outbox(),
                RealtimeSettings.DEFAULT.streams()));
    }

    @AfterAll
    void stop() {
        table.close();
    }

    /** The table's seq now, by a long-poll that does not wait. */
    long streamSeq() {
        return table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/activity?session=" + table.sessionId
                + "&after=0&wait=0", null).path("position").path("seq").asLong();
    }

    /**
     * Checks that nothing but arrivals and leaves (which the room records on its own schedule) was
     * recorded after {@code seq}: a refused command changed nothing.
     */
    void assertNothingRecordedSince(long seq) {
        JsonNode items = table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/activity?session="
                + table.sessionId + "&after=" + seq + "&wait=0", null).path("items");
        for (JsonNode item : items) {
            assertThat(item.path("type").asText()).as(item.toString()).isIn("member.arrived", "member.left");
        }
    }

    static JsonNode ack(WsClient c, String type, ObjectNode payload) {
        JsonNode answer = c.command(type, payload);
        assertThat(answer.path("type").asText()).as(type + " -> " + answer).isEqualTo("ack");
        return answer;
    }

    /** The view a connection got after the command that ended at {@code seq} (before its ack, on the sender's). */
    static JsonNode viewAt(WsClient c, long seq) {
        java.util.function.Predicate<JsonNode> match = m -> m.path("type").asText().equals("combat.view")
                && m.path("payload").path("seq").asLong() == seq;
        JsonNode view = c.seenSoFar().stream().filter(match).findFirst().orElseGet(() -> c.next(match));
        return view.path("payload").path("encounter");
    }

    static Optional<JsonNode> combatant(JsonNode encounter, String name) {
        return StreamSupport.stream(encounter.path("order").spliterator(), false)
                .filter(c -> c.path("name").asText().equals(name)).findFirst();
    }

    @Test
    void a_gm_runs_an_encounter_and_each_member_sees_only_their_view() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient bob = table.seat(table.bob); WsClient watcher = table.seat(table.spectator)) {
            ack(gm, "combat.start_encounter", payload());
            ack(gm, "combat.add_combatant", payload("name", "Aria", "kind", "pc", "ownerUserId", table.alice.id(),
                    "characterId", "char-aria", "initiativeModifier", 3, "maxHp", List.of(24), "hidden", false));
            ack(gm, "combat.add_combatant", payload("name", "Brom", "kind", "pc", "ownerUserId", table.bob.id(),
                    "characterId", "char-brom", "initiativeModifier", 1, "maxHp", List.of(30), "hidden", false));
            ack(gm, "combat.add_combatant", payload("name", "Lurker", "kind", "npc", "initiativeModifier", 2,
                    "maxHp", List.of(40), "hidden", true));
            JsonNode orcAdded = ack(gm, "combat.add_combatant", payload("name", "Orc", "kind", "npc",
                    "initiativeModifier", 0, "maxHp", List.of(15), "defenses", Map.of("fire", "resistant")));
            String orcId = combatant(viewAt(gm, orcAdded.path("seq").asLong()), "Orc").orElseThrow().path("id").asText();

            ack(gm, "combat.roll_initiative", payload("mode", "normal"));
            JsonNode damaged = ack(gm, "combat.damage", payload("creatureId", orcId, "amount", 8, "type", "fire",
                    "critical", false));
            long seq = damaged.path("seq").asLong();

            JsonNode gmView = viewAt(gm, seq);
            assertThat(combatant(gmView, "Lurker")).isPresent();
            assertThat(combatant(gmView, "Orc").orElseThrow().path("members").get(0).path("hp").path("current").asInt())
                    .isEqualTo(11);
            for (WsClient player : List.of(alice, bob, watcher)) {
                JsonNode view = viewAt(player, seq);
                assertThat(combatant(view, "Lurker")).isEmpty();
                assertThat(combatant(view, "Aria").orElseThrow().path("members").get(0).path("hp").path("max").asInt())
                        .isEqualTo(24);
                JsonNode orc = combatant(view, "Orc").orElseThrow().path("members").get(0);
                assertThat(orc.has("hp")).as("no exact monster HP for players: " + orc).isFalse();
                assertThat(orc.path("health").asText()).isEqualTo("injured");
                assertThat(player.seenSoFar().toString()).doesNotContain("Lurker");
            }
            // The damage event itself: exact for the GM, a descriptor for the others.
            assertThat(alice.seenSoFar().stream().filter(m -> m.path("type").asText().equals("combat.damaged"))).isEmpty();
            assertThat(alice.seenSoFar().stream().anyMatch(m -> m.path("type").asText().equals("combat.health_shown")))
                    .isTrue();

            // Over HTTP and by request: the same views.
            JsonNode rest = table.expect(200, table.alice.accessToken(), "GET", "/api/sessions/" + table.sessionId
                    + "/encounter", null);
            assertThat(combatant(rest.path("encounter"), "Lurker")).isEmpty();
            assertThat(combatant(rest.path("encounter"), "Aria")).isPresent();
            JsonNode reply = gm.replyTo(gm.send("request", payload("method", "combat.view", "params", payload())));
            assertThat(combatant(reply.path("payload").path("encounter"), "Lurker")).isPresent();

            // A welcome carries the encounter as the member may see it.
            try (WsClient late = WsClient.connect(table.port(), table.sessionPath())) {
                JsonNode welcome = late.hello(table.bob.accessToken(), null);
                assertThat(combatant(welcome.path("payload").path("encounter"), "Brom")).isPresent();
                assertThat(welcome.toString()).doesNotContain("Lurker");
            }

            // Turns: advance until a PC acts; the other player may not end it.
            String current = null;
            JsonNode lastView = null;
            for (int i = 0; i < 5; i++) {
                JsonNode next = ack(gm, "combat.next_turn", payload());
                JsonNode view = viewAt(gm, next.path("seq").asLong());
                lastView = view;
                current = view.path("current").asText();
                String now = current;
                JsonNode acting = StreamSupport.stream(view.path("order").spliterator(), false)
                        .filter(c -> c.path("id").asText().equals(now)).findFirst().orElseThrow();
                if (acting.path("kind").asText().equals("pc")) {
                    break;
                }
            }
            JsonNode acting = combatant(lastView, "Aria").orElseThrow();
            boolean ariaActs = acting.path("id").asText().equals(current);
            WsClient owner = ariaActs ? alice : bob;
            WsClient other = ariaActs ? bob : alice;
            String ownerId = ariaActs ? table.alice.id() : table.bob.id();
            String name = ariaActs ? "Aria" : "Brom";

            long before = streamSeq();
            assertError(other.command("combat.next_turn", payload()), "E011");
            assertNothingRecordedSince(before);

            // The owner got a turn notification in their inbox.
            var ownerAccount = ariaActs ? table.alice : table.bob;
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode inbox = table.expect(200, ownerAccount.accessToken(), "GET", "/api/notifications", null);
                assertThat(inbox.toString()).contains("Your turn — " + name);
                assertThat(inbox.path("items").get(inbox.path("items").size() - 1).path("payload").path("kind").asText())
                        .isIn("turn");
            });
            assertThat(ownerId).isNotBlank();
            // The owner may end their own turn.
            ack(owner, "combat.next_turn", payload());

            // Damage to a removed combatant: E006, nothing changes.
            ack(gm, "combat.remove_combatant", payload("combatantId", orcId));
            before = streamSeq();
            assertError(gm.command("combat.damage", payload("creatureId", orcId, "amount", 5, "type", "fire")), "E006");
            assertNothingRecordedSince(before);
            // A bad field: E007 naming it.
            JsonNode bad = gm.command("combat.damage", payload("creatureId", orcId, "amount", 5, "type", "fiery"));
            assertError(bad, "E007");
            assertThat(bad.path("payload").path("details").path("field").asText()).isEqualTo("type");
            // A spectator changes nothing.
            JsonNode refused = watcher.command("combat.next_turn", payload());
            assertError(refused, "E011");
            assertThat(refused.path("payload").path("details").path("permission").asText()).isEqualTo("combat");
            assertNothingRecordedSince(before);
        }
    }

    @Test
    void a_blind_roll_reaches_the_gm_with_its_result_and_the_roller_only_as_hidden() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient bob = table.seat(table.bob)) {
            JsonNode ack = ack(alice, "dice.roll", payload("expression", "1d20+5 # stealth", "mode", "blind"));
            long seq = ack.path("seq").asLong();
            JsonNode rolled = gm.next(m -> m.path("type").asText().equals("dice.rolled")
                    && m.path("payload").path("label").asText().equals("stealth"));
            assertThat(rolled.path("payload").path("result").path("rolls").get(0).path("total").asLong()).isBetween(6L, 25L);
            assertThat(rolled.path("payload").path("text").asText()).startsWith("stealth: 1d20+5 → ");
            // It came before the ack, which the roll waited for.
            JsonNode hidden = alice.seenSoFar().stream().filter(m -> m.path("type").asText().equals("dice.hidden"))
                    .findFirst().orElseThrow();
            assertThat(hidden.path("payload").path("mode").asText()).isEqualTo("blind");
            assertThat(hidden.path("payload").has("result")).isFalse();
            assertThat(hidden.path("seq").asLong()).isEqualTo(seq);

            ack(gm, "chat.post", payload("text", "marker"));
            for (WsClient c : List.of(alice, bob)) {
                c.next(m -> m.path("payload").path("text").asText().equals("marker"));
                assertThat(c.seenSoFar().stream().filter(m -> m.path("type").asText().equals("dice.rolled")
                        && m.path("payload").path("label").asText().equals("stealth"))).isEmpty();
            }
            assertThat(bob.seenSoFar().toString()).doesNotContain("stealth");

            // The roll log: the GM sees it, the roller does not.
            JsonNode gmLog = gm.replyTo(gm.send("request", payload("method", "dice.log", "params",
                    payload("label", "STEALTH")))).path("payload");
            assertThat(gmLog.path("items")).hasSize(1);
            JsonNode aliceLog = table.expect(200, table.alice.accessToken(), "GET", "/api/sessions/" + table.sessionId
                    + "/dice?label=stealth", null);
            assertThat(aliceLog.path("items")).isEmpty();
        }
    }

    @Test
    void public_rolls_inline_rolls_the_log_stats_and_probabilities() {
        try (WsClient alice = table.seat(table.alice); WsClient bob = table.seat(table.bob)) {
            ack(alice, "dice.roll", payload("expression", "adv+5 # attack"));
            JsonNode seen = bob.next(m -> m.path("type").asText().equals("dice.rolled")
                    && m.path("payload").path("label").asText().equals("attack"));
            assertThat(seen.path("payload").path("mode").asText()).isEqualTo("public");
            JsonNode dice = seen.path("payload").path("result").path("rolls").get(0).path("terms").get(0).path("dice");
            assertThat(dice).hasSize(2);
            assertThat(dice.toString()).containsAnyOf("\"kept\"", "\"dropped\"");

            ack(alice, "chat.post", payload("text", "I hit [[1d8+3]]"));
            JsonNode line = bob.next(m -> m.path("type").asText().equals("chat.posted")
                    && m.path("payload").path("text").asText().equals("I hit [[1d8+3]]"));
            JsonNode roll = line.path("payload").path("rolls").get(0);
            assertThat(roll.path("start").asInt()).isEqualTo(6);
            assertThat(roll.path("end").asInt()).isEqualTo(15);
            assertThat(roll.path("result").path("rolls").get(0).path("total").asLong()).isBetween(4L, 11L);

            JsonNode stats = bob.replyTo(bob.send("request", payload("method", "dice.stats", "params",
                    payload("userId", table.alice.id())))).path("payload");
            JsonNode mine = stats.path("users").get(0);
            assertThat(mine.path("userId").asText()).isEqualTo(table.alice.id());
            assertThat(mine.path("d20").path("count").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(mine.path("d20").path("faces")).hasSize(20);
            JsonNode restStats = table.expect(200, table.bob.accessToken(), "GET", "/api/sessions/" + table.sessionId
                    + "/dice/stats", null);
            assertThat(restStats.path("users").isArray()).isTrue();

            JsonNode p = bob.replyTo(bob.send("request", payload("method", "dice.probability", "params",
                    payload("expression", "1d20+5", "atLeast", 15)))).path("payload");
            assertThat(p.path("atLeast").asDouble()).isEqualTo(0.55);
            assertThat(p.path("min").asLong()).isEqualTo(6);
            assertThat(p.path("distribution")).hasSize(20);
            JsonNode restP = table.expect(200, table.bob.accessToken(), "GET", "/api/sessions/" + table.sessionId
                    + "/dice/probability?expression=2d6&atLeast=7", null);
            assertThat(restP.path("mean").asDouble()).isEqualTo(7.0);
            JsonNode tooMuch = bob.replyTo(bob.send("request", payload("method", "dice.probability", "params",
                    payload("expression", "1d20+"))));
            assertError(tooMuch, "E007");
            assertThat(tooMuch.path("payload").path("details").path("reason").asText()).isEqualTo("syntax");
            assertThat(tooMuch.path("payload").path("details").path("position").asInt()).isEqualTo(5);
        }
    }

    @Test
    void bad_rolls_are_refused_and_change_nothing() {
        try (WsClient alice = table.seat(table.alice); WsClient watcher = table.seat(table.spectator)) {
            long before = streamSeq();
            JsonNode spectator = watcher.command("dice.roll", payload("expression", "1d20"));
            assertError(spectator, "E011");
            assertThat(spectator.path("payload").path("details").path("permission").asText()).isEqualTo("roll");

            JsonNode malformed = alice.command("dice.roll", payload("expression", "1d20+"));
            assertError(malformed, "E007");
            JsonNode details = malformed.path("payload").path("details");
            assertThat(details.path("field").asText()).isEqualTo("expression");
            assertThat(details.path("position").asInt()).isEqualTo(5);
            assertThat(details.path("expected").asText()).isNotBlank();

            JsonNode huge = alice.command("dice.roll", payload("expression", "1000000d1000000"));
            assertError(huge, "E007");
            assertThat(huge.path("payload").path("details").path("position").asInt()).isZero();

            JsonNode inline = alice.command("chat.post", payload("text", "ok [[1d20]] bad [[2dX]]"));
            assertError(inline, "E007");
            assertThat(inline.path("payload").path("details").path("field").asText()).isEqualTo("text");
            assertThat(inline.path("payload").path("details").path("position").asInt()).isEqualTo(20);

            assertNothingRecordedSince(before);
        }
    }
}
