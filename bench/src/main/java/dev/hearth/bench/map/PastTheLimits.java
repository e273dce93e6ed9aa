package dev.hearth.bench.map;

import dev.hearth.core.map.Canvas;
import dev.hearth.core.map.Drawing;
import dev.hearth.core.map.Fog;
import dev.hearth.core.map.FogMode;
import dev.hearth.core.map.FogOp;
import dev.hearth.core.map.Layer;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapState;
import dev.hearth.core.map.Pen;
import dev.hearth.core.map.Scene;
import dev.hearth.core.map.Shape;
import dev.hearth.core.map.TokenChange;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.CommandContext;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import dev.hearth.core.table.Table;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Past the limits, a clear error: one command more than a full scene may hold, decided by the table
 * as the server would, must be refused ({@code Decision.Rejected}) with a message a GM can act on.
 * The full scenes are assembled directly (records), at exactly the limit.
 */
final class PastTheLimits {

    /**
     * One check.
     *
     * @param rejection the refusal, or empty if the command was (wrongly) accepted
     */
    record Check(String what, String command, Optional<Rejection> rejection) {

        boolean passed() {
            return rejection.filter(r -> r.kind() == Rejection.Kind.CONFLICT).isPresent();
        }
    }

    private PastTheLimits() {}

    /** {@code fullOfTokens}: a state whose active scene holds {@link Scene#MAX_TOKENS} tokens (the limit scenario's). */
    static List<Check> check(Cast cast, TableState fullOfTokens) {
        Table table = new Table();
        Scene tokens = scene(fullOfTokens);
        if (tokens.tokens().size() != Scene.MAX_TOKENS) {
            throw new IllegalArgumentException("expected a scene of " + Scene.MAX_TOKENS + " tokens, not "
                    + tokens.tokens().size());
        }
        Caller player = cast.players().getFirst();
        List<Check> checks = new ArrayList<>();

        checks.add(decide(table, cast, cast.gm(), fullOfTokens, "token " + (Scene.MAX_TOKENS + 1) + " (Scene.MAX_TOKENS)",
                new MapCommand.CreateToken(BaseScene.SCENE, "one-more", List.of(new TokenChange.Name("One more")),
                        Optional.empty())));

        // 250 strokes of the most numbers one may hold (2,000) fill the budget exactly.
        List<Drawing> strokes = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; strokes.size() * Shape.MAX_NUMBERS < Scene.MAX_NUMBERS; i++) {
            List<Double> points = new ArrayList<>(Shape.MAX_NUMBERS);
            for (int k = 0; k < Shape.MAX_NUMBERS; k++) {
                points.add(Layout.round(r.nextDouble(0, Layout.PARTY)));
            }
            strokes.add(new Drawing("s" + i, Layer.DRAWINGS, new Shape.Freehand(points), new Pen("#000", 2), player.userId()));
        }
        checks.add(decide(table, cast, player, withCanvas(fullOfTokens, strokes),
                "a drawing past " + Scene.MAX_NUMBERS + " numbers (Scene.MAX_NUMBERS)",
                new MapCommand.Draw(BaseScene.SCENE, "one-more", Layer.DRAWINGS, new Shape.Rect(100, 100, 50, 50),
                        new Pen("#e03131", 2))));

        List<Drawing> rects = new ArrayList<>();
        for (int i = 0; i < Scene.MAX_DRAWINGS; i++) {
            rects.add(new Drawing("r" + i, Layer.DRAWINGS, new Shape.Rect(i % 3000, i / 3000 * 10.0, 5, 5),
                    new Pen("#000", 1), player.userId()));
        }
        checks.add(decide(table, cast, player, withCanvas(fullOfTokens, rects),
                "drawing " + (Scene.MAX_DRAWINGS + 1) + " (Scene.MAX_DRAWINGS)",
                new MapCommand.Draw(BaseScene.SCENE, "one-more", Layer.DRAWINGS, new Shape.Rect(100, 100, 50, 50),
                        new Pen("#e03131", 2))));

        List<FogOp> ops = new ArrayList<>();
        for (int i = 0; i < Fog.MAX_OPS; i++) {
            ops.add(new FogOp(Layout.fogMode(r), Layout.fogArea(r)));
        }
        Scene s = scene(fullOfTokens);
        TableState fogged = with(fullOfTokens, new Scene(s.settings(), new Fog(true, ops), s.tokens(), s.removed(),
                s.canvas()));
        checks.add(decide(table, cast, cast.gm(), fogged, "fog operation " + (Fog.MAX_OPS + 1) + " (Fog.MAX_OPS)",
                new MapCommand.ChangeFog(BaseScene.SCENE, FogMode.REVEAL, Layout.PARTY_AREA)));
        return checks;
    }

    private static Check decide(Table table, Cast cast, Caller caller, TableState state, String what, MapCommand command) {
        CommandContext context = new CommandContext(caller, cast.roster(), BaseScene.T0.plusSeconds(60),
                new SplittableRandom(0));
        Decision<TableEvent> d = table.decide(state, new TableCommand.Map(command), context);
        Optional<Rejection> why = d instanceof Decision.Rejected<TableEvent> rejected ? Optional.of(rejected.rejection())
                : Optional.empty();
        return new Check(what, command.getClass().getSimpleName() + " by " + caller.role().id(), why);
    }

    private static TableState withCanvas(TableState state, List<Drawing> drawings) {
        Scene s = scene(state);
        int numbers = drawings.stream().mapToInt(d -> d.shape().numbers()).sum();
        return with(state, new Scene(s.settings(), Fog.CLEAR, s.tokens(), s.removed(), new Canvas(drawings, Map.of(), numbers)));
    }

    private static TableState with(TableState state, Scene scene) {
        MapState map = state.map();
        return new TableState(state.seated(), state.recentChat(), state.encounter(),
                new MapState(Map.of(scene.id(), scene), map.activeSceneId(), map.movesOnTurnOnly(), map.clock()));
    }

    private static Scene scene(TableState state) {
        return state.map().scene(BaseScene.SCENE).orElseThrow();
    }
}
