package dev.hearth.bench.map;

import dev.hearth.core.combat.Encounter;
import dev.hearth.core.map.Canvas;
import dev.hearth.core.map.Drawing;
import dev.hearth.core.map.DrawingOp;
import dev.hearth.core.map.Fog;
import dev.hearth.core.map.FogOp;
import dev.hearth.core.map.Grid;
import dev.hearth.core.map.History;
import dev.hearth.core.map.Hlc;
import dev.hearth.core.map.ImageRef;
import dev.hearth.core.map.Layer;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapContext;
import dev.hearth.core.map.MapEvent;
import dev.hearth.core.map.MapRules;
import dev.hearth.core.map.MapState;
import dev.hearth.core.map.Scene;
import dev.hearth.core.map.Shape;
import dev.hearth.core.map.Token;
import dev.hearth.core.map.TokenChange;
import dev.hearth.core.map.TokenProperty;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.table.Table;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The state a scenario's episodes start from: an active scene with the scenario's tokens, fog and
 * drawings, made of the commands a GM and players would send ({@link #content}).
 *
 * <p>{@link #build} assembles the state from those commands' events directly: through the table,
 * each drawing would cost a comparison with every drawing already there (and the limit scene is
 * 10,000 of them), which would make the set-up quadratic and take minutes. Each event is still
 * decided by the real rules, so every input is one the server accepts; {@link #viaTable} folds the
 * same commands through {@link Table} one by one, and {@code BaseSceneTest} checks the two agree.
 */
final class BaseScene {

    static final String SCENE = "cavern";
    /** The wall time of the set-up; the episodes' clock starts after it. */
    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");

    private BaseScene() {}

    /** One command of the set-up and who sends it. */
    record Step(Caller caller, MapCommand command) {}

    static MapCommand.CreateScene createScene(MapScenario s) {
        return new MapCommand.CreateScene(SCENE, "The Cavern", Grid.DEFAULT, Optional.of(new ImageRef(
                "sha256:" + "5e".repeat(32), 10_000, 10_000)), s.fogOps() > 0);
    }

    /** The set-up, in order: tokens, fog, drawings. The same scenario and seed give the same commands. */
    static List<Step> content(MapScenario s, Cast cast, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Step> steps = new ArrayList<>();
        int party = Math.max(1, s.tokens() / 5);
        for (int i = 0; i < s.tokens(); i++) {
            List<TokenChange> initial = new ArrayList<>();
            if (i < party) {
                Caller owner = cast.players().get(i % cast.players().size());
                initial.add(new TokenChange.Position(Layout.partyX(r), Layout.partyY(r)));
                initial.add(new TokenChange.Name("Hero " + i));
                initial.add(new TokenChange.Owners(List.of(owner.userId())));
            } else {
                initial.add(new TokenChange.Position(Layout.dungeonX(r), Layout.anyY(r)));
                initial.add(new TokenChange.Name("Goblin " + i));
                if (r.nextInt(10) == 0) {
                    initial.add(new TokenChange.OnLayer(Layer.GM));
                }
                if (r.nextInt(20) == 0) {
                    initial.add(new TokenChange.Hidden(true));
                }
            }
            initial.add(new TokenChange.Image(Optional.of(new ImageRef("sha256:" + String.format("%064x", i), 280, 280))));
            steps.add(new Step(cast.gm(), new MapCommand.CreateToken(SCENE, "t" + i, initial,
                    Optional.of(new Hlc(T0.toEpochMilli(), i, "gm-client")))));
        }
        if (s.fogOps() > 0) {
            steps.add(new Step(cast.gm(), new MapCommand.ChangeFog(SCENE, dev.hearth.core.map.FogMode.REVEAL,
                    Layout.PARTY_AREA)));
            for (int i = 1; i < s.fogOps(); i++) {
                steps.add(new Step(cast.gm(), new MapCommand.ChangeFog(SCENE, Layout.fogMode(r), Layout.fogArea(r))));
            }
        }
        int numbers = 0;
        for (int i = 0; i < s.drawings(); i++) {
            boolean player = r.nextInt(10) < 6;
            Caller author = player ? cast.players().get(r.nextInt(cast.players().size())) : cast.gm();
            Layer layer = player ? Layer.DRAWINGS : List.of(Layer.MAP, Layer.GM, Layer.DRAWINGS).get(r.nextInt(3));
            double x = player || r.nextBoolean() ? Layout.partyDrawing(r) : Layout.dungeonX(r);
            double y = player ? Layout.partyDrawing(r) : Layout.anyY(r);
            Shape shape = Layout.shape(r, x, y);
            if (numbers + shape.numbers() > s.numbers()) {
                break;
            }
            numbers += shape.numbers();
            steps.add(new Step(author, new MapCommand.Draw(SCENE, "d" + i, layer, shape, Layout.pen(r))));
        }
        return steps;
    }

    /** The scenario's state, assembled from its commands' events (each decided by the rules on an empty scene). */
    static TableState build(MapScenario s, Cast cast, long seed) {
        MapRules rules = new MapRules();
        MapState blank = blank(rules, s, cast);
        Scene empty = blank.scene(SCENE).orElseThrow();
        Map<String, Token> tokens = new LinkedHashMap<>();
        List<FogOp> fog = new ArrayList<>();
        List<Drawing> drawings = new ArrayList<>();
        Map<String, List<DrawingOp>> undo = new LinkedHashMap<>();
        int numbers = 0;
        Hlc clock = Hlc.ZERO;
        for (Step step : content(s, cast, seed)) {
            MapEvent event = only(rules.decide(blank, step.command(), new MapContext(step.caller(), T0, false)));
            switch (event) {
                case MapEvent.TokenCreated e -> {
                    tokens.put(e.token().id(), e.token());
                    clock = Hlc.max(clock, e.token().stamp(TokenProperty.LAYER));
                }
                case MapEvent.FogChanged e -> fog.add(e.op());
                case MapEvent.DrawingAdded e -> {
                    drawings.add(e.drawing());
                    numbers += e.drawing().shape().numbers();
                    List<DrawingOp> ops = undo.computeIfAbsent(e.drawing().authorId(), k -> new ArrayList<>());
                    ops.add(new DrawingOp.Added(e.drawing()));
                    if (ops.size() > History.DEPTH) {
                        ops.removeFirst();
                    }
                }
                default -> throw new IllegalStateException("not a set-up event: " + event);
            }
        }
        Map<String, History> histories = new HashMap<>();
        undo.forEach((user, ops) -> histories.put(user, new History(ops, List.of())));
        Scene scene = new Scene(empty.settings(), new Fog(s.fogOps() > 0, fog), tokens, empty.removed(),
                new Canvas(drawings, histories, numbers));
        MapState map = new MapState(Map.of(SCENE, scene), Optional.of(SCENE), false, clock);
        return new TableState(cast.seated(), List.of(), Encounter.NONE, map);
    }

    /** The same state the slow way: every command decided and applied by the table, in order. */
    static TableState viaTable(MapScenario s, Cast cast, long seed) {
        Table table = new Table();
        TableState state = new TableState(cast.seated(), List.of());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(cast.gm(), createScene(s)));
        steps.add(new Step(cast.gm(), new MapCommand.ActivateScene(SCENE)));
        steps.addAll(content(s, cast, seed));
        long seq = 0;
        for (Step step : steps) {
            CommandContext context = new CommandContext(step.caller(), cast.roster(), T0, new SplittableRandom(0));
            Decision<TableEvent> d = table.decide(state, new TableCommand.Map(step.command()), context);
            if (!(d instanceof Decision.Accepted<TableEvent> a)) {
                throw new IllegalStateException("set-up refused " + step + ": " + d);
            }
            for (TableEvent e : a.events()) {
                state = table.apply(state, e, ++seq);
            }
        }
        return state;
    }

    /** The scene, created and active, with nothing on it. */
    private static MapState blank(MapRules rules, MapScenario s, Cast cast) {
        MapContext gm = new MapContext(cast.gm(), T0, false);
        MapState state = rules.initial();
        for (MapCommand c : List.of(createScene(s), new MapCommand.ActivateScene(SCENE))) {
            state = rules.apply(state, only(rules.decide(state, c, gm)));
        }
        // Players draw in the party's area, which the set-up's fog reveals first; on the blank
        // scene nothing is revealed yet, so judge their drawings on a clear copy of it.
        Scene created = state.scene(SCENE).orElseThrow();
        Scene clear = new Scene(created.settings(), Fog.CLEAR, created.tokens(), created.removed(), created.canvas());
        return new MapState(Map.of(SCENE, clear), state.activeSceneId(), false, state.clock());
    }

    private static MapEvent only(Decision<MapEvent> decision) {
        if (decision instanceof Decision.Accepted<MapEvent> a && a.events().size() == 1) {
            return a.events().getFirst();
        }
        throw new IllegalStateException("the set-up expects one event, not " + decision);
    }
}
