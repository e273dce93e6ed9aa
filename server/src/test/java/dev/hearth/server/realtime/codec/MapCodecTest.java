package dev.hearth.server.realtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.map.FogArea;
import dev.hearth.core.map.FogMode;
import dev.hearth.core.map.Grid;
import dev.hearth.core.map.GridKind;
import dev.hearth.core.map.Hlc;
import dev.hearth.core.map.ImageRef;
import dev.hearth.core.map.Layer;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapView;
import dev.hearth.core.map.SceneSettings;
import dev.hearth.core.map.Pen;
import dev.hearth.core.map.Shape;
import dev.hearth.core.map.TokenChange;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Roster;
import dev.hearth.core.table.Table;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import dev.hearth.server.realtime.stream.CommandFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The map through the codec: every command from its wire form, every recorded event through the log
 * and back equal, a snapshot of a busy map equal after a round trip, and the flat token of the contract.
 */
class MapCodecTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Caller GM = new Caller("u-gm", "Gemma", Role.GM);
    static final Caller PIA = new Caller("u-pia", "Pia", Role.PLAYER);
    static final Pen PEN = new Pen("#aabbcc", 2);

    final MapCodec map = new MapCodec(GameJson.mapper());
    final TableCodec codec = new TableCodec(JSON, new CombatCodec(GameJson.mapper()), map);
    final Table table = new Table();
    final List<TableEvent> recorded = new ArrayList<>();
    TableState state = TableState.EMPTY;
    long seq;

    /** Every map command, as a busy session would send them: all shapes, fog kinds and token properties. */
    List<TableCommand.Map> session() {
        Hlc stamp = new Hlc(1_800_000_000_000L, 0, "client");
        List<MapCommand> commands = List.of(
                new MapCommand.CreateScene("hall", "Great Hall", new Grid(GridKind.HEX, 60, 5, 7, 10),
                        Optional.of(new ImageRef("sha256-" + "ab".repeat(32), 2048, 1536)), true),
                new MapCommand.UpdateScene("hall", "The Great Hall", Grid.DEFAULT, Optional.empty()),
                new MapCommand.ActivateScene("hall"),
                new MapCommand.SetMoveRule(true),
                new MapCommand.ChangeFog("hall", FogMode.REVEAL, new FogArea.Rect(0, 0, 500, 500)),
                new MapCommand.ChangeFog("hall", FogMode.HIDE, new FogArea.Polygon(List.of(10.0, 10.0, 90.0, 10.0, 50.0, 80.0))),
                new MapCommand.CreateToken("hall", "aria", List.of(new TokenChange.Name("Aria"),
                        new TokenChange.Position(100, 100), new TokenChange.Owners(List.of("u-pia")),
                        new TokenChange.Combatant(Optional.of("c-1")),
                        new TokenChange.Image(Optional.of(new ImageRef("sha256-" + "cd".repeat(32), 64, 64)))),
                        Optional.of(stamp)),
                new MapCommand.CreateToken("hall", "ghost", List.of(new TokenChange.Hidden(true),
                        new TokenChange.OnLayer(Layer.GM), new TokenChange.Locked(true)), Optional.empty()),
                new MapCommand.EditToken("hall", "aria", List.of(new TokenChange.Rotation(45),
                        new TokenChange.Size(140, 140)), Optional.empty()),
                new MapCommand.Draw("hall", "d1", Layer.DRAWINGS, new Shape.Freehand(List.of(1.0, 2.0, 3.0, 4.0)), PEN),
                new MapCommand.Draw("hall", "d2", Layer.DRAWINGS, new Shape.Line(1, 2, 3, 4), PEN),
                new MapCommand.Draw("hall", "d3", Layer.MAP, new Shape.Rect(1, 2, 30, 40), PEN),
                new MapCommand.Draw("hall", "d4", Layer.GM, new Shape.Ellipse(100, 100, 20, 10), PEN),
                new MapCommand.Draw("hall", "d5", Layer.DRAWINGS,
                        new Shape.Polygon(List.of(200.0, 200.0, 260.0, 200.0, 230.0, 250.0)), PEN),
                new MapCommand.Draw("hall", "d6", Layer.DRAWINGS, new Shape.Text(300, 300, "Here be\ndragons", 18), PEN),
                new MapCommand.Erase("hall", "d2"),
                new MapCommand.UndoDrawing("hall"),
                new MapCommand.RedoDrawing("hall"),
                new MapCommand.ClearCanvas("hall"),
                new MapCommand.UndoDrawing("hall"),
                new MapCommand.DeleteToken("hall", "ghost"),
                new MapCommand.CreateScene("cellar", "Cellar", Grid.DEFAULT, Optional.empty(), false),
                new MapCommand.ResetFog("hall", false),
                new MapCommand.DeleteScene("cellar"));
        return commands.stream().map(TableCommand.Map::new).toList();
    }

    void run(Caller caller, TableCommand command) {
        Decision<TableEvent> decision = table.decide(state, command, new CommandContext(caller, Roster.EMPTY,
                Instant.parse("2026-11-23T20:00:00Z"), new Random(1)));
        assertThat(decision).as(command.toString()).isInstanceOf(Decision.Accepted.class);
        for (TableEvent event : ((Decision.Accepted<TableEvent>) decision).events()) {
            state = table.apply(state, event, ++seq);
            recorded.add(event);
        }
    }

    @Test
    void every_map_command_decodes_from_its_wire_form_to_an_equal_record() {
        List<String> seen = new ArrayList<>();
        for (TableCommand.Map command : session()) {
            String type = MapCodec.PREFIX + GameJson.snakeCase(command.command().getClass().getSimpleName());
            JsonNode sent = read(GameJson.mapper().valueToTree(command.command()).toString());
            assertThat(codec.commandTypes()).contains(type);
            assertThat(codec.decodeCommand(type, sent)).as(type + " " + sent).isEqualTo(command);
            seen.add(command.command().getClass().getSimpleName());
        }
        assertThat(seen).containsAll(GameJson.records(MapCommand.class).stream()
                .filter(c -> c != MapCommand.ImportScene.class).map(Class::getSimpleName).toList());
        // A scene to import is read by the server from its session; a client cannot hand one in.
        assertThat(codec.commandTypes()).contains(MapCodec.IMPORT_SCENE);
        assertThatThrownBy(() -> map.decodeCommand(MapCodec.IMPORT_SCENE, read("{\"scene\":{}}")))
                .isInstanceOf(CommandFormatException.class);
        assertThat(map.decodeSceneSource(read("{\"fromSessionId\":\"a\",\"sceneId\":\"b\"}")))
                .isEqualTo(new MapCodec.SceneSource("a", "b"));
    }

    @Test
    void every_recorded_map_event_reads_back_from_the_log_equal_and_players_get_their_own_payload() {
        session().forEach(c -> run(GM, c));
        // The GM ruled that players move on their turn, and there is no fight: not Pia's turn.
        TableCommand.Map move = new TableCommand.Map(MapCommand.EditToken.move("hall", "aria", 120, 120));
        assertThat(table.decide(state, move, new CommandContext(PIA, Roster.EMPTY, Instant.now(), new Random(1))))
                .isInstanceOf(Decision.Rejected.class);
        run(GM, new TableCommand.Map(new MapCommand.SetMoveRule(false)));
        run(PIA, move);
        MapView.SceneView hall = MapView.scene(state.map().scene("hall").orElseThrow(), "", true);
        run(GM, new TableCommand.Map(new MapCommand.ImportScene(new MapView.SceneView(new SceneSettings("hall-copy",
                "Copy", Grid.DEFAULT, Optional.empty()), hall.fog(), hall.tokens(), hall.drawings(), true, true))));
        boolean translated = false;
        for (TableEvent event : recorded) {
            assertThat(codec.eventType(event)).isEqualTo("map.changed");
            JsonNode log = read(codec.logPayload(event).toString());
            assertThat(codec.decodeEvent("map.changed", log)).isEqualTo(event);
            TableEvent.MapHappened m = (TableEvent.MapHappened) event;
            Optional<ObjectNode> others = codec.eventPayload(event, Role.PLAYER);
            assertThat(codec.eventPayload(event, Role.GM)).isEmpty();
            if (!m.forOthers().isEmpty() && !m.forOthers().equals(m.forGms())) {
                translated = true;
                assertThat(others).isPresent();
                assertThat(others.get().path("changes")).hasSize(m.forOthers().size());
            } else {
                assertThat(others).isEmpty();
            }
        }
        assertThat(translated).isTrue();
    }

    @Test
    void a_snapshot_of_a_busy_map_reads_back_equal() {
        session().forEach(c -> run(GM, c));
        run(PIA, new TableCommand.Map(new MapCommand.Draw("hall", "p1", Layer.DRAWINGS, new Shape.Line(0, 0, 5, 5), PEN)));
        assertThat(state.map().scenes()).isNotEmpty();
        assertThat(codec.decodeState(codec.encodeState(state))).isEqualTo(state);
    }

    @Test
    void a_token_is_flat_on_the_wire_with_its_stamps_beside_it() {
        session().forEach(c -> run(GM, c));
        JsonNode view = codec.mapView(state, GM);
        JsonNode aria = view.path("scenes").get(0).path("tokens").get(0);
        assertThat(aria.path("id").asText()).isEqualTo("aria");
        assertThat(aria.path("layer").asText()).isEqualTo("tokens");
        assertThat(aria.path("x").asDouble()).isEqualTo(100);
        assertThat(aria.path("width").asDouble()).isEqualTo(140);
        assertThat(aria.path("rotation").asDouble()).isEqualTo(45);
        assertThat(aria.path("owners").get(0).asText()).isEqualTo("u-pia");
        assertThat(aria.path("combatantId").asText()).isEqualTo("c-1");
        assertThat(aria.path("image").path("width").asInt()).isEqualTo(64);
        assertThat(aria.path("stamps").path("position").path("node").asText()).isEqualTo("u-gm");
        assertThat(aria.path("stamps").path("rotation").path("wallMillis").asLong()).isPositive();
        assertThat(view.path("activeSceneId").asText()).isEqualTo("hall");
    }

    @Test
    void a_command_that_does_not_fit_names_the_field() {
        assertThatThrownBy(() -> codec.decodeCommand("map.edit_token", read(
                "{\"sceneId\":\"s\",\"tokenId\":\"t\",\"changes\":[{\"kind\":\"position\",\"x\":\"left\",\"y\":0}]}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> assertThat(e.field()).isEqualTo("changes[0].x"));
        assertThatThrownBy(() -> codec.decodeCommand("map.draw", read(
                "{\"sceneId\":\"s\",\"drawingId\":\"d\",\"layer\":\"sky\",\"shape\":{\"kind\":\"line\"},\"pen\":{\"colour\":\"#fff\",\"stroke\":1}}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> assertThat(e.field()).isEqualTo("layer"));
        assertThatThrownBy(() -> codec.decodeCommand("map.change_fog", read(
                "{\"sceneId\":\"s\",\"mode\":\"hide\",\"area\":{\"kind\":\"circle\"}}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> assertThat(e.field()).isEqualTo("area.kind"));
        assertThatThrownBy(() -> codec.decodeCommand("map.create_token", read("{\"sceneId\":\"s\"}")))
                .isInstanceOfSatisfying(CommandFormatException.class, e -> assertThat(e.field()).isEqualTo("tokenId"));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
