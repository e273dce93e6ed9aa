package dev.hearth.server.realtime;

import static dev.hearth.server.realtime.WsClient.assertError;
import static dev.hearth.server.realtime.WsClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared map through real sockets: a GM builds a scene with a hidden token, a GM-layer trap and
 * a fogged room; players and spectators never receive any of them (not in a welcome, an event, a
 * resume, a request or a REST view) until revealed, and then receive them whole. Token moves by
 * owners, concurrent edits, ephemeral rulers and pings, and every bad input refused with its code,
 * changing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapTableTest {

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

    static JsonNode ack(WsClient c, String type, ObjectNode payload) {
        JsonNode answer = c.command(type, payload);
        assertThat(answer.path("type").asText()).as(type + " -> " + answer).isEqualTo("ack");
        return answer;
    }

    static ObjectNode grid() {
        return payload("kind", "square", "cellSize", 50, "offsetX", 0, "offsetY", 0, "unitsPerCell", 5);
    }

    static ObjectNode rect(double x, double y, double w, double h) {
        return payload("kind", "rect", "x", x, "y", y, "width", w, "height", h);
    }

    static ObjectNode token(String sceneId, String tokenId, Object... changes) {
        return payload("sceneId", sceneId, "tokenId", tokenId, "initial", List.of(changes));
    }

    static ObjectNode position(double x, double y) {
        return payload("kind", "position", "x", x, "y", y);
    }

    /** The map a connection holds now, by the {@code map.view} request. */
    static JsonNode mapOf(WsClient c) {
        return c.replyTo(c.send("request", payload("method", "map.view", "params", payload()))).path("payload").path("map");
    }

    static Optional<JsonNode> tokenIn(JsonNode map, String sceneId, String tokenId) {
        return StreamSupport.stream(map.path("scenes").spliterator(), false)
                .filter(s -> s.path("settings").path("id").asText().equals(sceneId))
                .flatMap(s -> StreamSupport.stream(s.path("tokens").spliterator(), false))
                .filter(t -> t.path("id").asText().equals(tokenId)).findFirst();
    }

    /**
     * The map.changed frame a connection got for the command acked at {@code seq} (it may have come
     * before the sender's ack, which waiting for the ack skipped over), checking it has a change of
     * this type.
     */
    static JsonNode changeAt(WsClient c, JsonNode ack, String changeType) {
        long seq = ack.path("seq").asLong();
        Predicate<JsonNode> match = m -> m.path("type").asText().equals("map.changed") && m.path("seq").asLong() == seq;
        JsonNode frame = c.seenSoFar().stream().filter(match).findFirst().orElseGet(() -> c.next(match));
        assertThat(StreamSupport.stream(frame.path("payload").path("changes").spliterator(), false)
                .map(ch -> ch.path("type").asText())).as(frame.toString()).contains(changeType);
        return frame;
    }

    long streamSeq() {
        return table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/activity?session=" + table.sessionId
                + "&after=0&wait=0", null).path("position").path("seq").asLong();
    }

    /** Map changes are off the activity feed, so the position is read and compared instead. */
    void assertNothingRecordedSince(long seq) {
        JsonNode items = table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/activity?session="
                + table.sessionId + "&after=" + seq + "&wait=0", null).path("items");
        for (JsonNode item : items) {
            assertThat(item.path("type").asText()).as(item.toString()).isIn("member.arrived", "member.left");
        }
    }

    @Test
    void hidden_tokens_the_gm_layer_and_fogged_rooms_never_reach_players_until_revealed() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient watcher = table.seat(table.spectator)) {
            ack(gm, "map.create_scene", payload("sceneId", "crypt", "name", "The Crypt", "grid", grid(), "fogged", false));
            JsonNode shown = changeAt(alice, ack(gm, "map.activate_scene", payload("sceneId", "crypt")), "scene_shown");
            assertThat(shown.path("payload").path("changes").get(0).path("scene").path("settings").path("name").asText())
                    .isEqualTo("The Crypt");

            ack(gm, "map.create_token", token("crypt", "aria", payload("kind", "name", "name", "Aria"),
                    position(100, 100), payload("kind", "owners", "userIds", List.of(table.alice.id()))));
            ack(gm, "map.create_token", token("crypt", "skulker", payload("kind", "name", "name", "Skulker"),
                    position(300, 100), payload("kind", "hidden", "hidden", true)));
            ack(gm, "map.create_token", token("crypt", "pit-trap", payload("kind", "name", "name", "Pit Trap"),
                    position(200, 200), payload("kind", "on_layer", "layer", "gm")));
            ack(gm, "map.draw", payload("sceneId", "crypt", "drawingId", "trap-note", "layer", "gm",
                    "shape", payload("kind", "text", "x", 200, "y", 250, "text", "Trapdoor DC 15", "size", 14),
                    "pen", payload("colour", "#ff0000", "stroke", 2)));
            ack(gm, "map.create_token", token("crypt", "chest", payload("kind", "name", "name", "Gilded Chest"),
                    position(800, 800)));
            // The room with the chest is fogged after the chest was seen: players are told it left their view.
            JsonNode hidden = changeAt(alice, ack(gm, "map.change_fog", payload("sceneId", "crypt", "mode", "hide",
                    "area", rect(700, 700, 300, 300))), "objects_hidden");
            assertThat(hidden.toString()).contains("chest").doesNotContain("Gilded");

            for (WsClient other : List.of(alice, watcher)) {
                JsonNode view = mapOf(other);
                assertThat(tokenIn(view, "crypt", "aria")).isPresent();
                String everything = other.seenSoFar() + view.toString();
                assertThat(everything).doesNotContain("Skulker", "skulker", "Pit Trap", "pit-trap", "Trapdoor",
                        "trap-note");
                assertThat(tokenIn(view, "crypt", "chest")).isEmpty();
            }
            JsonNode gmView = mapOf(gm);
            assertThat(tokenIn(gmView, "crypt", "skulker")).isPresent();
            assertThat(tokenIn(gmView, "crypt", "chest")).isPresent();

            // A fresh welcome and the REST view say the same.
            try (WsClient late = WsClient.connect(table.port(), table.sessionPath())) {
                JsonNode welcome = late.hello(table.bob.accessToken(), null);
                assertThat(welcome.path("payload").path("view").path("map").path("scenes")).hasSize(1);
                assertThat(welcome.toString()).contains("Aria").doesNotContain("Skulker", "Pit Trap", "Trapdoor", "Gilded");
            }
            JsonNode rest = table.expect(200, table.alice.accessToken(), "GET", "/api/sessions/" + table.sessionId + "/map", null);
            assertThat(rest.toString()).contains("Aria").doesNotContain("Skulker", "Pit Trap", "Gilded");

            // Revealed: the token arrives whole, and the room's contents when the fog lifts.
            JsonNode revealed = changeAt(alice, ack(gm, "map.edit_token", payload("sceneId", "crypt", "tokenId", "skulker",
                    "changes", List.of(payload("kind", "hidden", "hidden", false)))), "objects_shown");
            assertThat(revealed.toString()).contains("Skulker");
            JsonNode lifted = changeAt(watcher, ack(gm, "map.change_fog", payload("sceneId", "crypt", "mode", "reveal",
                    "area", rect(700, 700, 300, 300))), "objects_shown");
            assertThat(lifted.toString()).contains("Gilded Chest");
            JsonNode aliceNow = mapOf(alice);
            assertThat(tokenIn(aliceNow, "crypt", "chest")).as(aliceNow.toString()).isPresent();
            assertThat(alice.seenSoFar().toString()).doesNotContain("Pit Trap", "Trapdoor");
        }
    }

    @Test
    void players_move_only_their_own_unlocked_tokens_and_concurrent_edits_of_different_properties_both_survive() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient bob = table.seat(table.bob)) {
            ack(gm, "map.create_scene", payload("sceneId", "road", "name", "The Road", "grid", grid(), "fogged", false));
            ack(gm, "map.activate_scene", payload("sceneId", "road"));
            ack(gm, "map.create_token", token("road", "brom", payload("kind", "name", "name", "Brom"),
                    payload("kind", "owners", "userIds", List.of(table.bob.id()))));
            ack(gm, "map.create_token", token("road", "cart", payload("kind", "name", "name", "Cart")));

            JsonNode moved = changeAt(alice, ack(bob, "map.edit_token", payload("sceneId", "road", "tokenId", "brom",
                    "changes", List.of(position(150, 50)))), "token_edited");
            assertThat(moved.path("payload").path("changes").get(0).path("changes").get(0).path("x").asDouble()).isEqualTo(150);

            long before = streamSeq();
            assertError(alice.command("map.edit_token", payload("sceneId", "road", "tokenId", "brom",
                    "changes", List.of(position(0, 0)))), "E011");
            assertError(bob.command("map.edit_token", payload("sceneId", "road", "tokenId", "cart",
                    "changes", List.of(position(0, 0)))), "E011");
            assertError(bob.command("map.edit_token", payload("sceneId", "road", "tokenId", "brom",
                    "changes", List.of(payload("kind", "name", "name", "Brom the Great")))), "E011");
            JsonNode noScenes = bob.command("map.create_scene", payload("sceneId", "mine", "name", "Mine", "grid", grid(),
                    "fogged", false));
            assertError(noScenes, "E011");
            assertThat(noScenes.path("payload").path("details").path("permission").asText()).isEqualTo("manage_map");
            assertNothingRecordedSince(before);

            // Two edits stamped the same instant from two people: name by the GM, position by the owner.
            long now = System.currentTimeMillis();
            gm.send("map.edit_token", payload("sceneId", "road", "tokenId", "brom",
                    "changes", List.of(payload("kind", "name", "name", "Brom Ironfoot")),
                    "stamp", payload("wallMillis", now, "counter", 0, "node", "x")));
            bob.send("map.edit_token", payload("sceneId", "road", "tokenId", "brom", "changes", List.of(position(200, 50)),
                    "stamp", payload("wallMillis", now, "counter", 0, "node", "y")));
            // Same property: a later stamp wins whatever order the server saw them in.
            ack(bob, "map.edit_token", payload("sceneId", "road", "tokenId", "brom", "changes", List.of(position(250, 50)),
                    "stamp", payload("wallMillis", now + 5_000, "counter", 0, "node", "")));
            ack(gm, "map.edit_token", payload("sceneId", "road", "tokenId", "brom", "changes", List.of(position(999, 999)),
                    "stamp", payload("wallMillis", now + 1_000, "counter", 0, "node", "")));
            for (WsClient c : List.of(gm, alice, bob)) {
                JsonNode brom = tokenIn(mapOf(c), "road", "brom").orElseThrow();
                assertThat(brom.path("name").asText()).isEqualTo("Brom Ironfoot");
                assertThat(brom.path("x").asDouble()).isEqualTo(250);
            }
        }
    }

    @Test
    void bad_map_input_is_refused_with_its_code_and_changes_nothing() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient watcher = table.seat(table.spectator)) {
            ack(gm, "map.create_scene", payload("sceneId", "keep", "name", "The Keep", "grid", grid(), "fogged", false));
            ack(gm, "map.activate_scene", payload("sceneId", "keep"));
            ack(gm, "map.create_token", token("keep", "gate", position(10, 10)));
            ack(gm, "map.delete_token", payload("sceneId", "keep", "tokenId", "gate"));
            long before = streamSeq();

            assertError(gm.command("map.edit_token", payload("sceneId", "keep", "tokenId", "gate",
                    "changes", List.of(position(5, 5)))), "E006");
            assertError(gm.command("map.edit_token", payload("sceneId", "keep", "tokenId", "nobody",
                    "changes", List.of(position(5, 5)))), "E006");
            ack(gm, "map.create_token", token("keep", "tower", position(10, 10)));
            long afterTower = streamSeq();
            assertError(gm.command("map.edit_token", payload("sceneId", "keep", "tokenId", "tower",
                    "changes", List.of(position(5_000_000, 5)))), "E007");
            gm.sendRaw("{\"id\":\"inf-1\",\"type\":\"map.edit_token\",\"payload\":{\"sceneId\":\"keep\",\"tokenId\":\"tower\","
                    + "\"changes\":[{\"kind\":\"position\",\"x\":1e400,\"y\":0}]}}");
            assertError(gm.replyTo("inf-1"), "E007");
            assertError(gm.command("map.edit_token", payload("sceneId", "keep", "tokenId", "tower",
                    "changes", List.of(payload("kind", "teleport", "x", 1)))), "E007");
            assertError(gm.command("map.create_token", token("keep", "bad id!", position(0, 0))), "E007");
            // Small whole numbers, so the frame stays under the 64 KB limit and the map's own rule answers.
            List<Integer> tenThousand = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                tenThousand.add(i % 10);
                tenThousand.add(i % 7);
            }
            JsonNode stroke = gm.command("map.draw", payload("sceneId", "keep", "drawingId", "scribble", "layer", "drawings",
                    "shape", payload("kind", "freehand", "points", tenThousand), "pen", payload("colour", "#000", "stroke", 2)));
            assertError(stroke, "E007");
            assertThat(stroke.path("payload").path("details").path("field").asText()).contains("points");
            assertError(gm.command("map.draw", payload("sceneId", "keep", "drawingId", "d1", "layer", "drawings",
                    "shape", payload("kind", "rect", "x", 0, "y", 0, "width", 10, "height", 10),
                    "pen", payload("colour", "red", "stroke", 2))), "E007");
            assertError(alice.command("map.draw", payload("sceneId", "keep", "drawingId", "d2", "layer", "gm",
                    "shape", payload("kind", "rect", "x", 0, "y", 0, "width", 10, "height", 10),
                    "pen", payload("colour", "#123456", "stroke", 2))), "E011");
            assertError(alice.command("map.clear_canvas", payload("sceneId", "keep")), "E011");
            assertError(alice.command("map.change_fog", payload("sceneId", "keep", "mode", "hide",
                    "area", rect(0, 0, 10, 10))), "E011");
            assertError(watcher.command("map.draw", payload("sceneId", "keep", "drawingId", "d3", "layer", "drawings",
                    "shape", payload("kind", "rect", "x", 0, "y", 0, "width", 10, "height", 10),
                    "pen", payload("colour", "#123456", "stroke", 2))), "E011");
            assertError(alice.command("map.undo_drawing", payload("sceneId", "keep")), "E012");
            assertError(gm.command("map.create_scene", payload("sceneId", "keep", "name", "Again", "grid", grid(),
                    "fogged", false)), "E012");
            assertNothingRecordedSince(afterTower);
            assertThat(tokenIn(mapOf(gm), "keep", "tower").orElseThrow().path("x").asDouble()).isEqualTo(10);
            assertThat(before).isLessThan(afterTower);
        }
    }

    @Test
    void drawings_undo_and_redo_reach_everyone_as_objects_shown_and_hidden() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice)) {
            ack(gm, "map.create_scene", payload("sceneId", "field", "name", "Field", "grid", grid(), "fogged", false));
            ack(gm, "map.activate_scene", payload("sceneId", "field"));
            changeAt(gm, ack(alice, "map.draw", payload("sceneId", "field", "drawingId", "arrow", "layer", "drawings",
                    "shape", payload("kind", "line", "x1", 0, "y1", 0, "x2", 100, "y2", 100),
                    "pen", payload("colour", "#00ff00", "stroke", 3))), "drawing_added");
            JsonNode undo = ack(alice, "map.undo_drawing", payload("sceneId", "field"));
            JsonNode undone = changeAt(gm, undo, "drawing_undone");
            assertThat(undone.path("payload").path("changes").get(1).path("type").asText()).isEqualTo("objects_hidden");
            assertThat(undone.path("payload").path("changes").get(1).path("drawingIds").get(0).asText()).isEqualTo("arrow");
            JsonNode hidden = changeAt(alice, undo, "objects_hidden");
            assertThat(hidden.path("payload").path("changes")).hasSize(1);
            assertThat(changeAt(alice, ack(alice, "map.redo_drawing", payload("sceneId", "field")), "objects_shown")
                    .toString()).contains("#00ff00");
            assertThat(changeAt(alice, ack(gm, "map.clear_canvas", payload("sceneId", "field")), "objects_hidden")
                    .toString()).contains("arrow");
            assertThat(changeAt(alice, ack(gm, "map.undo_drawing", payload("sceneId", "field")), "objects_shown")
                    .toString()).contains("arrow");
        }
    }

    @Test
    void a_resumed_player_is_replayed_translations_never_the_hidden_objects() {
        try (WsClient gm = table.seat(table.gm)) {
            ack(gm, "map.create_scene", payload("sceneId", "vault", "name", "Vault", "grid", grid(), "fogged", true));
            ack(gm, "map.activate_scene", payload("sceneId", "vault"));
            JsonNode welcome;
            long lastSeq;
            String epoch;
            try (WsClient alice = WsClient.connect(table.port(), table.sessionPath())) {
                welcome = alice.hello(table.alice.accessToken(), null);
                epoch = welcome.path("payload").path("position").path("epoch").asText();
                lastSeq = welcome.path("payload").path("position").path("seq").asLong();
            }
            ack(gm, "map.create_token", token("vault", "mimic", payload("kind", "name", "name", "Mimic"), position(500, 500)));
            ack(gm, "map.change_fog", payload("sceneId", "vault", "mode", "reveal", "area", rect(0, 0, 100, 100)));
            ack(gm, "map.create_token", token("vault", "lamp", payload("kind", "name", "name", "Lamp"), position(20, 20)));
            try (WsClient back = WsClient.connect(table.port(), table.sessionPath())) {
                JsonNode resumed = back.hello(table.alice.accessToken(), payload("epoch", epoch, "lastSeq", lastSeq));
                assertThat(resumed.path("payload").path("resumed").asBoolean()).as(resumed.toString()).isTrue();
                back.next(m -> m.toString().contains("token_created"));
                String replayed = back.seenSoFar().toString();
                assertThat(replayed).contains("Lamp", "fog_changed").doesNotContain("Mimic", "mimic");
            }
        }
    }

    @Test
    void rulers_and_pings_reach_the_table_live_and_a_gms_private_ping_reaches_gms_only() {
        try (WsClient gm = table.seat(table.gm); WsClient alice = table.seat(table.alice);
                WsClient watcher = table.seat(table.spectator)) {
            alice.send("ruler", payload("scene", "road", "points", List.of(0, 0, 150, 0)));
            JsonNode ruler = gm.nextOfType("ruler");
            assertThat(ruler.path("payload").path("userId").asText()).isEqualTo(table.alice.id());
            assertThat(ruler.path("payload").path("points")).hasSize(4);

            gm.send("ping", payload("scene", "road", "x", 11, "y", 11, "private", true));
            gm.send("ping", payload("scene", "road", "x", 22, "y", 22));
            JsonNode seen = alice.nextOfType("ping");
            assertThat(seen.path("payload").path("x").asDouble()).isEqualTo(22);
            assertThat(alice.seenSoFar().toString()).doesNotContain("\"x\":11.0");

            assertError(alice.command("ping", payload("scene", "road", "x", 1, "y", 1, "private", true)), "E011");
            assertError(watcher.command("ruler", payload("scene", "road", "points", List.of(0, 0, 1, 1))), "E011");
            assertError(alice.command("ruler", payload("scene", "road", "points", List.of(0, 0))), "E007");
            assertError(alice.command("ping", payload("scene", "road", "x", "far", "y", 1)), "E007");
            assertError(alice.command("draw_preview", payload("points", List.of(0, 0, 1, 1), "layer", "gm")), "E011");

            // Over HTTP too, for clients on the SSE fallback.
            table.send(table.alice.accessToken(), "POST", "/api/realtime/ping",
                    WsClient.JSON.valueToTree(Map.of("session", table.sessionId, "scene", "road", "x", 33, "y", 33))
                            .toString());
            assertThat(gm.next(m -> m.path("type").asText().equals("ping")
                    && m.path("payload").path("x").asDouble() == 33).path("payload").path("userId").asText())
                    .isEqualTo(table.alice.id());
        }
    }

    @Test
    void a_gm_brings_a_scene_from_an_earlier_session_of_the_campaign_whole() {
        String next = table.expect(201, table.gm.accessToken(), "POST", "/api/campaigns/" + table.campaignId + "/sessions",
                "{\"name\":\"Next week\"}").path("id").asText();
        try (WsClient gm = table.seat(table.gm)) {
            ack(gm, "map.create_scene", payload("sceneId", "tower", "name", "Wizard's Tower", "grid", grid(), "fogged", true));
            ack(gm, "map.create_token", token("tower", "golem", payload("kind", "name", "name", "Golem"),
                    payload("kind", "hidden", "hidden", true)));
            ack(gm, "map.draw", payload("sceneId", "tower", "drawingId", "rune", "layer", "map",
                    "shape", payload("kind", "ellipse", "centreX", 50, "centreY", 50, "radiusX", 20, "radiusY", 20),
                    "pen", payload("colour", "#8040ff", "stroke", 4)));
        }
        try (WsClient gm = WsClient.join(table.port(), "/ws/session/" + next, table.gm.accessToken());
                WsClient alice = WsClient.join(table.port(), "/ws/session/" + next, table.alice.accessToken())) {
            JsonNode imported = changeAt(gm, ack(gm, "map.import_scene",
                    payload("fromSessionId", table.sessionId, "sceneId", "tower")), "scene_imported");
            assertThat(imported.toString()).contains("Golem", "#8040ff");
            JsonNode view = mapOf(gm);
            JsonNode golem = tokenIn(view, "tower", "golem").orElseThrow();
            assertThat(golem.path("hidden").asBoolean()).isTrue();
            assertThat(view.path("scenes").get(0).path("fog").path("fogged").asBoolean()).isTrue();
            assertThat(view.path("scenes").get(0).path("drawings")).hasSize(1);
            // Not active, so the players were sent nothing of it.
            assertThat(alice.seenSoFar().toString()).doesNotContain("Golem", "tower");

            long before = table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/activity?session=" + next
                    + "&after=0&wait=0", null).path("position").path("seq").asLong();
            assertError(gm.command("map.import_scene", payload("fromSessionId", table.sessionId, "sceneId", "tower")), "E012");
            assertError(gm.command("map.import_scene", payload("fromSessionId", table.sessionId, "sceneId", "nowhere")), "E006");
            assertError(gm.command("map.import_scene", payload("fromSessionId", java.util.UUID.randomUUID().toString(),
                    "sceneId", "tower")), "E006");
            assertError(gm.command("map.import_scene", payload("fromSessionId", next, "sceneId", "tower")), "E006");
            assertError(gm.command("map.import_scene", payload("sceneId", "tower")), "E007");
            JsonNode denied = alice.command("map.import_scene", payload("fromSessionId", table.sessionId, "sceneId", "tower"));
            assertError(denied, "E011");
            assertThat(denied.path("payload").path("details").path("permission").asText()).isEqualTo("manage_map");
            JsonNode items = table.expect(200, table.gm.accessToken(), "GET", "/api/realtime/activity?session=" + next
                    + "&after=" + before + "&wait=0", null).path("items");
            for (JsonNode item : items) {
                assertThat(item.path("type").asText()).isIn("member.arrived", "member.left");
            }
            assertThat(mapOf(gm).path("scenes")).hasSize(1);
        }
    }
}
