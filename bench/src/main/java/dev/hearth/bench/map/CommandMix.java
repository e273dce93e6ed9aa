package dev.hearth.bench.map;

import dev.hearth.core.map.Drawing;
import dev.hearth.core.map.History;
import dev.hearth.core.map.Hlc;
import dev.hearth.core.map.Layer;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapVisibility;
import dev.hearth.core.map.Scene;
import dev.hearth.core.map.Token;
import dev.hearth.core.map.TokenChange;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.table.TableState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The commands of an episode, one at a time, as a table sends them: mostly token moves by their
 * owners with client stamps, some drawing, occasional fog and token hiding by the GM
 * ({@link CommandKind} gives the shares). Made before the clock starts for each command, from the
 * state it will meet, so nearly all are accepted; making them is not measured.
 */
final class CommandMix {

    /** The next command: its kind, who sends it, what it is. */
    record Next(CommandKind kind, Caller caller, MapCommand command) {}

    private record Owned(String tokenId, Caller owner) {}

    private final Cast cast;
    private final SplittableRandom random;
    private final List<Owned> party = new ArrayList<>();
    private final List<String> monsters = new ArrayList<>();
    private final List<String> all = new ArrayList<>();
    private final Map<String, List<String>> baseDrawings = new HashMap<>();
    private final Map<String, List<String>> episodeDrawings = new HashMap<>();
    private long drawn;

    CommandMix(Cast cast, TableState base, long seed) {
        this.cast = cast;
        this.random = new SplittableRandom(seed);
        Scene scene = scene(base);
        Map<String, Caller> players = new HashMap<>();
        cast.players().forEach(p -> players.put(p.userId(), p));
        for (Token t : scene.tokens().values()) {
            all.add(t.id());
            if (t.owners().isEmpty()) {
                monsters.add(t.id());
            } else {
                party.add(new Owned(t.id(), players.get(t.owners().getFirst())));
            }
        }
        for (Drawing d : scene.canvas().drawings()) {
            baseDrawings.computeIfAbsent(d.authorId(), k -> new ArrayList<>()).add(d.id());
        }
    }

    /** The run went back to the base state: drawings of the last episode are gone. */
    void startEpisode() {
        episodeDrawings.clear();
    }

    Next next(TableState state, Instant now) {
        Scene scene = scene(state);
        int roll = random.nextInt(100);
        if (roll < 56) {
            Owned o = party.get(random.nextInt(party.size()));
            Token t = scene.tokens().get(o.tokenId());
            if (MapVisibility.visible(scene, t)) {
                return move(o.owner(), t, now, 0, Layout.PARTY - Layout.CELL);
            }
            return move(cast.gm(), t, now, 0, Layout.PARTY - Layout.CELL);
        }
        if (roll < 81) {
            if (monsters.isEmpty()) {
                Token t = scene.tokens().get(party.get(random.nextInt(party.size())).tokenId());
                return move(cast.gm(), t, now, 0, Layout.PARTY - Layout.CELL);
            }
            Token t = scene.tokens().get(monsters.get(random.nextInt(monsters.size())));
            return move(cast.gm(), t, now, Layout.DUNGEON_X, Layout.SIDE - Layout.CELL);
        }
        if (roll < 89) {
            return draw();
        }
        if (roll < 92) {
            return erase(scene);
        }
        if (roll < 96) {
            Caller player = player();
            History h = scene.canvas().history(player.userId());
            boolean redo = roll == 95 && !h.redo().isEmpty();
            if (!redo && h.undo().isEmpty()) {
                return draw();
            }
            return new Next(CommandKind.DRAW, player, redo ? new MapCommand.RedoDrawing(BaseScene.SCENE)
                    : new MapCommand.UndoDrawing(BaseScene.SCENE));
        }
        if (roll < 98) {
            return new Next(CommandKind.FOG, cast.gm(), new MapCommand.ChangeFog(BaseScene.SCENE,
                    Layout.fogMode(random), Layout.fogArea(random)));
        }
        Token t = scene.tokens().get(all.get(random.nextInt(all.size())));
        return new Next(CommandKind.HIDE, cast.gm(), new MapCommand.EditToken(BaseScene.SCENE, t.id(),
                List.of(new TokenChange.Hidden(!t.hidden())), stamp(cast.gm(), now)));
    }

    private Next move(Caller who, Token t, Instant now, double low, double high) {
        double x = Layout.step(t.position().x(), random, low, high);
        double y = Layout.step(t.position().y(), random, 0, (low == 0 ? Layout.PARTY : Layout.SIDE) - Layout.CELL);
        return new Next(CommandKind.MOVE, who, new MapCommand.EditToken(BaseScene.SCENE, t.id(),
                List.of(new TokenChange.Position(x, y)), stamp(who, now)));
    }

    /** Players draw in the party's area; the GM, a fifth of the time, notes something on the GM layer in the dungeon. */
    private Next draw() {
        boolean gm = random.nextInt(5) == 0;
        Caller who = gm ? cast.gm() : player();
        double x = gm ? Layout.dungeonX(random) : Layout.partyDrawing(random);
        double y = gm ? Layout.anyY(random) : Layout.partyDrawing(random);
        String id = "e" + drawn++;
        episodeDrawings.computeIfAbsent(who.userId(), k -> new ArrayList<>()).add(id);
        return new Next(CommandKind.DRAW, who, new MapCommand.Draw(BaseScene.SCENE, id,
                gm ? Layer.GM : Layer.DRAWINGS, Layout.shape(random, x, y), Layout.pen(random)));
    }

    /** A player erases one of their own drawings still on the scene; with none, draws instead. */
    private Next erase(Scene scene) {
        Caller player = player();
        List<String> own = new ArrayList<>(baseDrawings.getOrDefault(player.userId(), List.of()));
        own.addAll(episodeDrawings.getOrDefault(player.userId(), List.of()));
        for (int tries = 0; tries < 5 && !own.isEmpty(); tries++) {
            String id = own.get(random.nextInt(own.size()));
            if (scene.canvas().drawing(id).filter(d -> MapVisibility.visible(scene, d)).isPresent()) {
                return new Next(CommandKind.DRAW, player, new MapCommand.Erase(BaseScene.SCENE, id));
            }
        }
        return draw();
    }

    private Caller player() {
        return cast.players().get(random.nextInt(cast.players().size()));
    }

    /** A client's stamp: its clock now. The server puts the caller's id in it. */
    private static Optional<Hlc> stamp(Caller who, Instant now) {
        return Optional.of(new Hlc(now.toEpochMilli(), 0, who.userId() + "-client"));
    }

    private static Scene scene(TableState state) {
        return state.map().scene(BaseScene.SCENE).orElseThrow();
    }
}
