package dev.hearth.core.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.map.MapEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.testing.Strings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the map under any sequence of commands by anyone: decide never throws and a
 * refusal changes nothing; replay rebuilds the state; no player's or spectator's view, and no
 * delivery to them, ever holds a GM-layer object, a hidden token or anything under fog, and a
 * player who folds what they receive holds exactly their view; and token edits, applied in any
 * order, give the same state.
 */
class MapProperties {

    static final Caller GM = Board.GM;
    static final Caller PIA = Board.PIA;
    static final Caller PAUL = Board.PAUL;
    static final Caller SAM = Board.SAM;
    static final List<Caller> CALLERS = List.of(GM, GM, GM, PIA, PAUL, SAM);
    static final List<Caller> VIEWERS = List.of(PIA, PAUL, SAM);
    static final List<String> TOKENS = List.of("t1", "t2", "t3", "t4", "t5", "t6");
    static final List<String> DRAWINGS = List.of("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8");
    static final Instant START = Instant.parse("2026-05-01T20:00:00Z");

    /** One step: who (index into CALLERS), what, and whether it is their turn. */
    record Step(int who, MapCommand command, boolean turn) {}

    // --- Generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, CALLERS.size() - 1), commands(),
                Arbitraries.of(true, true, false)).as(Step::new).list().ofMinSize(10).ofMaxSize(80)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<Double> coordinate() {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between(-100, 1100).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.of(Double.NaN, 2e6, Double.NEGATIVE_INFINITY)));
    }

    static Arbitrary<Optional<Hlc>> stamp() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Optional.<Hlc>empty())),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(-3, 90).map(s -> s * 1000L),
                        Arbitraries.integers().between(0, 2))
                        .as((ms, c) -> Optional.of(new Hlc(START.toEpochMilli() + ms, c, "client")))));
    }

    static Arbitrary<TokenChange> change() {
        return Arbitraries.oneOf(
                Arbitraries.of(Layer.class).map(TokenChange.OnLayer::new),
                Combinators.combine(coordinate(), coordinate()).as(TokenChange.Position::new),
                Combinators.combine(coordinate(), coordinate()).as(TokenChange.Position::new),
                Arbitraries.integers().between(0, 150).map(s -> new TokenChange.Size(s, s)),
                Arbitraries.integers().between(-400, 400).map(d -> new TokenChange.Rotation(d)),
                Arbitraries.of("", "Orc", "Ogre").map(TokenChange.Name::new),
                Arbitraries.of(true, false).map(TokenChange.Hidden::new),
                Arbitraries.of(true, false).map(TokenChange.Hidden::new),
                Arbitraries.of(true, false).map(TokenChange.Locked::new),
                Arbitraries.of(List.<String>of(), List.of(PIA.userId()), List.of(PIA.userId(), PAUL.userId()))
                        .map(TokenChange.Owners::new));
    }

    /** Changes with at most one per property (the first wins), so most edits are well formed. */
    static Arbitrary<List<TokenChange>> changes(int min) {
        return change().list().ofMinSize(min).ofMaxSize(3).map(list -> {
            Map<TokenProperty, TokenChange> one = new LinkedHashMap<>();
            list.forEach(c -> one.putIfAbsent(c.property(), c));
            return List.copyOf(one.values());
        });
    }

    static Arbitrary<MapCommand> commands() {
        Arbitrary<String> scene = Arbitraries.frequency(Tuple.of(7, "s1"), Tuple.of(1, "s2"));
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        Arbitrary<String> drawing = Arbitraries.of(DRAWINGS);
        Arbitrary<Integer> extent = Arbitraries.integers().between(50, 700);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Combinators.combine(scene, Arbitraries.of(true, false))
                        .as((s, f) -> new MapCommand.CreateScene(s, "Scene " + s, Grid.DEFAULT, Optional.empty(), f))),
                Tuple.of(2, scene.map(MapCommand.ActivateScene::new)),
                Tuple.of(2, Arbitraries.of(true, false).map(MapCommand.SetMoveRule::new)),
                Tuple.of(24, Combinators.combine(scene, token, changes(0), stamp()).as(MapCommand.CreateToken::new)),
                Tuple.of(28, Combinators.combine(scene, token, changes(1), stamp()).as(MapCommand.EditToken::new)),
                Tuple.of(2, Combinators.combine(scene, token).as(MapCommand.DeleteToken::new)),
                Tuple.of(12, Combinators.combine(scene, drawing, Arbitraries.of(Layer.class), coordinate(), coordinate())
                        .as((s, d, l, x, y) -> new MapCommand.Draw(s, d, l, new Shape.Rect(x, y, 20, 20), Board.PEN))),
                Tuple.of(4, Combinators.combine(scene, drawing).as(MapCommand.Erase::new)),
                Tuple.of(4, scene.map(MapCommand.UndoDrawing::new)),
                Tuple.of(2, scene.map(MapCommand.RedoDrawing::new)),
                Tuple.of(2, scene.map(MapCommand.ClearCanvas::new)),
                Tuple.of(12, Combinators.combine(scene, Arbitraries.of(FogMode.class), coordinate(), coordinate(), extent,
                        extent).as((s, m, x, y, w, h) -> new MapCommand.ChangeFog(s, m, new FogArea.Rect(x, y, w, h)))),
                Tuple.of(2, Combinators.combine(scene, Arbitraries.of(true, false)).as(MapCommand.ResetFog::new)),
                Tuple.of(1, scene.map(MapCommand.DeleteScene::new)));
    }

    // --- Running ----------------------------------------------------------------------------

    /** One event as it was recorded, with the state on each side of it. */
    record Recorded(MapEvent event, MapState before, MapState after) {}

    record Run(List<Recorded> log, List<MapState> states, List<Decision<MapEvent>> decisions) {}

    /** Runs the steps on a fresh map whose first scene, s1, is active and starts {@code fogged} or clear. */
    static Run run(List<Step> steps, boolean fogged) {
        MapRules rules = new MapRules();
        MapState state = rules.initial();
        List<Recorded> log = new ArrayList<>();
        List<MapState> states = new ArrayList<>();
        List<Decision<MapEvent>> decisions = new ArrayList<>();
        // Every run starts on an active scene, so most commands have something to act on.
        List<Step> all = new ArrayList<>(List.of(
                new Step(0, new MapCommand.CreateScene("s1", "One", Grid.DEFAULT, Optional.empty(), fogged), true),
                new Step(0, new MapCommand.ActivateScene("s1"), true)));
        all.addAll(steps);
        Instant now = START;
        for (Step step : all) {
            now = now.plusSeconds(1);
            MapState before = state;
            Decision<MapEvent> decision = rules.decide(state, step.command(),
                    new MapContext(CALLERS.get(step.who()), now, step.turn()));
            decisions.add(decision);
            assertThat(state).isSameAs(before);
            if (decision instanceof Decision.Accepted<MapEvent> accepted) {
                for (MapEvent event : accepted.events()) {
                    MapState next = rules.apply(state, event);
                    log.add(new Recorded(event, state, next));
                    state = next;
                }
            } else {
                assertThat(((Decision.Rejected<MapEvent>) decision).rejection().message()).isNotBlank();
            }
            states.add(state);
        }
        return new Run(log, states, decisions);
    }

    // --- Properties -------------------------------------------------------------------------

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void decide_never_throws_is_deterministic_and_replay_rebuilds_the_state(@ForAll("steps") List<Step> steps,
            @ForAll boolean fogged) {
        Run run = run(steps, fogged);
        assertThat(run(steps, fogged).decisions()).isEqualTo(run.decisions());
        MapRules rules = new MapRules();
        MapState replayed = rules.initial();
        for (Recorded r : run.log()) {
            replayed = rules.apply(replayed, r.event());
        }
        assertThat(replayed).isEqualTo(run.states().getLast());
        long accepted = run.decisions().stream().filter(d -> d instanceof Decision.Accepted<MapEvent> a
                && !a.events().isEmpty()).count();
        Statistics.label("recorded share").collect(accepted * 4 / Math.max(1, run.decisions().size()) + "/4");
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void no_player_or_spectator_ever_sees_the_gm_layer_a_hidden_token_or_anything_under_fog(
            @ForAll("steps") List<Step> steps, @ForAll boolean fogged) {
        // A map fogged all over from the start, so that reveals bring things into view, or a clear one.
        Run run = run(steps, fogged);
        for (MapState state : run.states()) {
            for (Caller viewer : VIEWERS) {
                assertNothingSecret(state, MapView.of(state, viewer.userId(), viewer.role()));
            }
        }
        int shown = 0;
        int hidden = 0;
        Replica replica = new Replica(MapView.of(MapState.EMPTY, PIA.userId(), Role.PLAYER));
        for (Recorded r : run.log()) {
            Set<String> secret = secretIds(r.before());
            secret.retainAll(secretIds(r.after()));
            for (MapEvent e : MapVisibility.forOthers(r.event(), r.before(), r.after())) {
                assertThat(Strings.of(e)).as("players receive %s", e).noneMatch(secret::contains);
                carried(e).forEach(o -> assertVisible(r.after(), o, e));
                shown += e instanceof ObjectsShown ? 1 : 0;
                hidden += e instanceof ObjectsHidden ? 1 : 0;
                replica.fold(e);
            }
            MapView view = MapView.of(r.after(), PIA.userId(), Role.PLAYER);
            assertThat(replica.tokens).as("a player's tokens after %s", r.event())
                    .isEqualTo(byId(view.scenes().stream().flatMap(s -> s.tokens().stream()).toList(), Token::id));
            assertThat(replica.drawings).as("a player's drawings after %s", r.event())
                    .isEqualTo(byId(view.scenes().stream().flatMap(s -> s.drawings().stream()).toList(), Drawing::id));
        }
        Statistics.label("objects shown to players").collect(shown > 0);
        Statistics.label("objects hidden from players").collect(hidden > 0);
        Statistics.label("objects shown to players").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("objects hidden from players").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void what_players_receive_of_drawings_and_fog_is_what_judging_every_object_on_both_sides_gives(
            @ForAll("steps") List<Step> steps, @ForAll boolean fogged) {
        int changed = 0;
        for (Recorded r : run(steps, fogged).log()) {
            List<MapEvent> received = MapVisibility.forOthers(r.event(), r.before(), r.after());
            assertThat(received).as("players receive of %s", r.event())
                    .isEqualTo(FullComparison.forOthers(r.event(), r.before(), r.after()));
            changed += received.stream().anyMatch(e -> e instanceof ObjectsShown || e instanceof ObjectsHidden) ? 1 : 0;
        }
        Statistics.label("objects shown or hidden").collect(changed > 0);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void token_edits_applied_in_any_order_and_any_number_of_times_give_the_same_state(
            @ForAll("edits") List<Step> edits, @ForAll long seed) {
        List<Step> steps = new ArrayList<>();
        for (String id : TOKENS.subList(0, 4)) {
            steps.add(new Step(0, new MapCommand.CreateToken("s1", id, List.of(new TokenChange.Owners(
                    List.of(PIA.userId(), PAUL.userId())), new TokenChange.Position(100, 100)), Optional.empty()), true));
        }
        Run setUp = run(steps, false);
        int created = setUp.log().size();
        MapState start = setUp.states().getLast();
        steps.addAll(edits);
        Run run = run(steps, false);
        List<Recorded> log = run.log();
        List<MapEvent> later = new ArrayList<>();
        Random random = new Random(seed);
        for (Recorded r : log.subList(created, log.size())) {
            later.add(r.event());
            if (random.nextInt(4) == 0) {
                later.add(r.event());
            }
        }
        Collections.shuffle(later, random);
        MapRules rules = new MapRules();
        MapState shuffled = start;
        for (MapEvent e : later) {
            shuffled = rules.apply(shuffled, e);
        }
        assertThat(shuffled).isEqualTo(run.states().getLast());
        Statistics.label("edits recorded").collect(Math.min(later.size(), 20) / 5 * 5);
    }

    @Provide
    Arbitrary<List<Step>> edits() {
        Arbitrary<String> token = Arbitraries.of(TOKENS.subList(0, 4));
        Arbitrary<MapCommand> command = Arbitraries.frequencyOf(
                Tuple.of(20, Combinators.combine(token, changes(1), stamp())
                        .as((t, c, s) -> new MapCommand.EditToken("s1", t, c, s))),
                Tuple.of(1, token.map(t -> new MapCommand.DeleteToken("s1", t))));
        return Combinators.combine(Arbitraries.of(0, 3, 4), command, Arbitraries.just(true)).as(Step::new)
                .list().ofMinSize(5).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    // --- Checks -----------------------------------------------------------------------------

    /** A view for a player or spectator: the active scene only, and on it nothing secret. */
    static void assertNothingSecret(MapState state, MapView view) {
        assertThat(view.scenes().size()).isLessThanOrEqualTo(1);
        for (MapView.SceneView sv : view.scenes()) {
            assertThat(state.activeSceneId()).contains(sv.settings().id());
            Scene scene = state.scene(sv.settings().id()).orElseThrow();
            for (Token t : sv.tokens()) {
                assertThat(t.layer()).isNotEqualTo(Layer.GM);
                assertThat(t.hidden()).isFalse();
                assertThat(scene.fog().covers(t.box())).as("%s under fog", t.id()).isFalse();
            }
            for (Drawing d : sv.drawings()) {
                assertThat(d.layer()).isNotEqualTo(Layer.GM);
                assertThat(scene.fog().covers(d.shape().bounds())).as("%s under fog", d.id()).isFalse();
            }
        }
    }

    /** Every token and drawing an event carries whole. */
    static List<Object> carried(MapEvent e) {
        return switch (e) {
            case TokenCreated c -> List.of(c.token());
            case DrawingAdded a -> List.of(a.drawing());
            case ObjectsShown s -> {
                List<Object> out = new ArrayList<>(s.tokens());
                out.addAll(s.drawings());
                yield out;
            }
            case SceneShown s -> {
                List<Object> out = new ArrayList<>(s.scene().tokens());
                out.addAll(s.scene().drawings());
                yield out;
            }
            default -> List.of();
        };
    }

    static void assertVisible(MapState after, Object o, MapEvent e) {
        Scene scene = after.activeScene().orElseThrow();
        boolean visible = switch (o) {
            case Token t -> MapVisibility.visible(scene, t) && scene.token(t.id()).equals(Optional.of(t));
            case Drawing d -> MapVisibility.visible(scene, d) && scene.canvas().drawing(d.id()).equals(Optional.of(d));
            default -> false;
        };
        assertThat(visible).as("%s in %s", o, e).isTrue();
    }

    /** Ids of tokens and drawings, on any scene, that players may not see; ids they may see on the active one left out. */
    static Set<String> secretIds(MapState state) {
        Set<String> all = new HashSet<>();
        for (Scene s : state.scenes().values()) {
            all.addAll(s.tokens().keySet());
            s.canvas().drawings().forEach(d -> all.add(d.id()));
        }
        MapView view = MapView.of(state, PIA.userId(), Role.PLAYER);
        view.scenes().forEach(sv -> {
            sv.tokens().forEach(t -> all.remove(t.id()));
            sv.drawings().forEach(d -> all.remove(d.id()));
        });
        return all;
    }

    static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> out = new HashMap<>();
        items.forEach(i -> out.put(id.apply(i), i));
        return out;
    }

    /** What a player's client holds, folded from the deliveries to players alone. */
    static final class Replica {
        final Map<String, Token> tokens = new HashMap<>();
        final Map<String, Drawing> drawings = new HashMap<>();

        Replica(MapView view) {
            view.scenes().forEach(this::reset);
        }

        void reset(MapView.SceneView view) {
            tokens.clear();
            drawings.clear();
            view.tokens().forEach(t -> tokens.put(t.id(), t));
            view.drawings().forEach(d -> drawings.put(d.id(), d));
        }

        void fold(MapEvent e) {
            switch (e) {
                case SceneShown s -> reset(s.scene());
                case SceneDeleted s -> {
                    tokens.clear();
                    drawings.clear();
                }
                case TokenCreated c -> tokens.put(c.token().id(), c.token());
                case TokenEdited ed -> {
                    assertThat(tokens).as("players know the token they are told moved").containsKey(ed.tokenId());
                    Token t = tokens.get(ed.tokenId());
                    for (TokenChange change : ed.changes()) {
                        t = t.with(change, ed.stamp());
                    }
                    tokens.put(t.id(), t);
                }
                case TokenDeleted d -> assertThat(tokens.remove(d.tokenId())).isNotNull();
                case DrawingAdded a -> drawings.put(a.drawing().id(), a.drawing());
                case DrawingErased er -> assertThat(drawings.remove(er.drawingId())).isNotNull();
                case ObjectsShown s -> {
                    s.tokens().forEach(t -> tokens.put(t.id(), t));
                    s.drawings().forEach(d -> drawings.put(d.id(), d));
                }
                case ObjectsHidden h -> {
                    h.tokenIds().forEach(id -> assertThat(tokens.remove(id)).isNotNull());
                    h.drawingIds().forEach(id -> assertThat(drawings.remove(id)).isNotNull());
                }
                default -> { }
            }
        }
    }
}
