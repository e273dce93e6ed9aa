package dev.hearth.core.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A map under test: decides commands as someone, applies what they record, and keeps every delivery. */
final class Board {

    static final Caller GM = new Caller("u-gm", "Gemma", Role.GM);
    static final Caller PIA = new Caller("u-pia", "Pia", Role.PLAYER);
    static final Caller PAUL = new Caller("u-paul", "Paul", Role.PLAYER);
    static final Caller SAM = new Caller("u-sam", "Sam", Role.SPECTATOR);
    static final String SCENE = "cave";
    static final Pen PEN = new Pen("#ff0000", 2);

    final MapRules rules = new MapRules();
    MapState state = MapState.EMPTY;
    Instant now = Instant.parse("2026-05-01T20:00:00Z");
    boolean callersTurn = true;
    final List<MapVisibility.Delivery> deliveries = new ArrayList<>();

    /** A board with one active, unfogged scene. */
    static Board withScene() {
        Board board = new Board();
        board.gm(new MapCommand.CreateScene(SCENE, "The cave", Grid.DEFAULT, Optional.empty(), false));
        board.gm(new MapCommand.ActivateScene(SCENE));
        board.deliveries.clear();
        return board;
    }

    Decision<MapEvent> decide(Caller caller, MapCommand command) {
        return rules.decide(state, command, new MapContext(caller, now, callersTurn));
    }

    /** Decides as the caller, expects acceptance, applies and returns the events. */
    List<MapEvent> as(Caller caller, MapCommand command) {
        Decision<MapEvent> decision = decide(caller, command);
        assertThat(decision).as("%s by %s: %s", command, caller.userId(), decision)
                .isInstanceOf(Decision.Accepted.class);
        List<MapEvent> events = ((Decision.Accepted<MapEvent>) decision).events();
        for (MapEvent event : events) {
            MapState before = state;
            state = rules.apply(state, event);
            deliveries.addAll(MapVisibility.of(event, before, state));
        }
        return events;
    }

    List<MapEvent> gm(MapCommand command) {
        return as(GM, command);
    }

    /** Decides as the caller, expects a refusal of this kind, and checks nothing changed. */
    Rejection refused(Caller caller, MapCommand command, Rejection.Kind kind) {
        MapState before = state;
        Decision<MapEvent> decision = decide(caller, command);
        assertThat(decision).as("%s by %s", command, caller.userId()).isInstanceOf(Decision.Rejected.class);
        Rejection rejection = ((Decision.Rejected<MapEvent>) decision).rejection();
        assertThat(rejection.kind()).as(rejection.message()).isEqualTo(kind);
        assertThat(rejection.message()).isNotBlank();
        assertThat(state).isSameAs(before);
        return rejection;
    }

    /** What players and spectators were sent, in order. */
    List<MapEvent> others() {
        return deliveries.stream().filter(d -> d.audience() == MapVisibility.Audience.OTHERS)
                .map(MapVisibility.Delivery::event).toList();
    }

    List<MapEvent> gms() {
        return deliveries.stream().filter(d -> d.audience() == MapVisibility.Audience.GMS)
                .map(MapVisibility.Delivery::event).toList();
    }

    // --- Setting up -------------------------------------------------------------------------

    /** The GM places a token at x, y, one cell, with these further values. */
    String token(String id, double x, double y, TokenChange... more) {
        List<TokenChange> initial = new ArrayList<>(List.of(new TokenChange.Position(x, y)));
        initial.addAll(List.of(more));
        gm(new MapCommand.CreateToken(SCENE, id, initial, Optional.empty()));
        return id;
    }

    /** A token owned by the caller. */
    String own(String id, Caller owner, double x, double y) {
        return token(id, x, y, new TokenChange.Owners(List.of(owner.userId())));
    }

    Token tokenNow(String id) {
        return scene().token(id).orElseThrow();
    }

    Scene scene() {
        return state.scene(SCENE).orElseThrow();
    }

    static MapCommand.EditToken move(String id, double x, double y) {
        return MapCommand.EditToken.move(SCENE, id, x, y);
    }

    static MapCommand.EditToken edit(String id, Optional<Hlc> stamp, TokenChange... changes) {
        return new MapCommand.EditToken(SCENE, id, List.of(changes), stamp);
    }

    static MapCommand.Draw rect(String id, Layer layer, double x, double y) {
        return new MapCommand.Draw(SCENE, id, layer, new Shape.Rect(x, y, 10, 10), PEN);
    }

    static MapCommand.ChangeFog fog(FogMode mode, double x, double y, double w, double h) {
        return new MapCommand.ChangeFog(SCENE, mode, new FogArea.Rect(x, y, w, h));
    }

    long millis() {
        return now.toEpochMilli();
    }
}
