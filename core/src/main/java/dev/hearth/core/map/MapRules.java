package dev.hearth.core.map;

import dev.hearth.core.access.Role;
import dev.hearth.core.map.MapCommand.*;
import dev.hearth.core.map.MapEvent.*;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Decision;
import dev.hearth.core.stream.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * The shared map as a decider: {@link #decide} turns a {@link MapCommand} into {@link MapEvent}s
 * or a {@link Rejection} and changes nothing; {@link #apply} folds an event into the state and is
 * total.
 *
 * <p>Checks run in one order: role (spectators change nothing; scenes, tokens' creation and
 * deletion, fog and clearing the canvas are the GM's), the input ({@code INVALID}, naming the
 * {@code field}), what it refers to ({@code NOT_FOUND}), the caller's rights over it
 * ({@code NOT_PERMITTED}), then the state and the limits ({@code CONFLICT}). For a player, what
 * they may not see does not exist: a hidden token, one on the GM layer or under fog, a scene
 * other than the active one, are all {@code NOT_FOUND}, worded as for an unknown id, so a refusal
 * never tells a player that something secret is there.
 *
 * <p>Token properties are last-writer-wins registers ({@link Lww}) stamped with a hybrid logical
 * clock. An edit carries its stamp: the client's, clamped to {@link
 * HybridLogicalClock#MAX_SKEW_MILLIS} ahead of {@code now}, else a fresh tick of the map's clock.
 * Decide keeps only the changes whose stamp is later than their property's, so a superseded edit
 * records nothing (and is not an error); apply merges by stamp as well, so replicas that apply the
 * same events in another order still agree.
 */
public final class MapRules {

    public MapState initial() {
        return MapState.EMPTY;
    }

    /** The events a command causes in this state, or why it is refused. Never throws, never changes anything. */
    public Decision<MapEvent> decide(MapState state, MapCommand command, MapContext context) {
        Caller caller = context.caller();
        if (caller.role() == Role.SPECTATOR) {
            return Decision.reject(Rejection.notPermitted("Spectators watch the map; they cannot change it."));
        }
        Optional<String> gmOnly = gmOnly(command);
        if (caller.role() != Role.GM && gmOnly.isPresent()) {
            return Decision.reject(Rejection.notPermitted(gmOnly.get()));
        }
        try {
            return switch (command) {
                case CreateScene c -> createScene(state, c);
                case ImportScene c -> importScene(state, c);
                case UpdateScene c -> {
                    MapChecks.name("name", c.name(), 1);
                    MapChecks.grid(c.grid());
                    MapChecks.image("background", c.background());
                    scene(state, c.sceneId(), caller);
                    yield Decision.accept(new SceneUpdated(new SceneSettings(c.sceneId(), c.name(), c.grid(),
                            c.background())));
                }
                case DeleteScene c -> {
                    scene(state, c.sceneId(), caller);
                    yield Decision.accept(new SceneDeleted(c.sceneId()));
                }
                case ActivateScene c -> {
                    scene(state, c.sceneId(), caller);
                    yield state.activeSceneId().equals(Optional.of(c.sceneId())) ? Decision.accept()
                            : Decision.accept(new SceneActivated(c.sceneId()));
                }
                case SetMoveRule c -> state.movesOnTurnOnly() == c.onTurnOnly() ? Decision.accept()
                        : Decision.accept(new MoveRuleSet(c.onTurnOnly()));
                case CreateToken c -> createToken(state, c, context);
                case EditToken c -> editToken(state, c, context);
                case DeleteToken c -> {
                    Scene scene = scene(state, c.sceneId(), caller);
                    token(scene, c.tokenId(), caller);
                    yield Decision.accept(new TokenDeleted(c.sceneId(), c.tokenId()));
                }
                case Draw c -> draw(state, c, caller);
                case Erase c -> {
                    Scene scene = scene(state, c.sceneId(), caller);
                    Drawing drawing = drawing(scene, c.drawingId(), caller);
                    if (caller.role() != Role.GM && !drawing.authorId().equals(caller.userId())) {
                        throw Refused.notPermitted("You may erase only your own drawings.");
                    }
                    yield Decision.accept(new DrawingErased(c.sceneId(), c.drawingId(), caller.userId()));
                }
                case UndoDrawing c -> {
                    Scene scene = scene(state, c.sceneId(), caller);
                    History h = scene.canvas().history(caller.userId());
                    if (h.undo().isEmpty()) {
                        throw Refused.conflict("There is nothing to undo.");
                    }
                    // Undoing an add takes a drawing away; undoing an erase or a clear brings some back.
                    if (!(h.undo().getLast() instanceof DrawingOp.Added)) {
                        room(scene, scene.canvas().absent(h.undo().getLast().drawings()));
                    }
                    yield Decision.accept(new DrawingUndone(c.sceneId(), caller.userId()));
                }
                case RedoDrawing c -> {
                    Scene scene = scene(state, c.sceneId(), caller);
                    History h = scene.canvas().history(caller.userId());
                    if (h.redo().isEmpty()) {
                        throw Refused.conflict("There is nothing to redo.");
                    }
                    if (h.redo().getLast() instanceof DrawingOp.Added a) {
                        room(scene, scene.canvas().absent(a.drawings()));
                    }
                    yield Decision.accept(new DrawingRedone(c.sceneId(), caller.userId()));
                }
                case ClearCanvas c -> {
                    Scene scene = scene(state, c.sceneId(), caller);
                    boolean any = scene.canvas().drawings().stream().anyMatch(d -> d.layer() == Layer.DRAWINGS);
                    yield any ? Decision.accept(new CanvasCleared(c.sceneId(), caller.userId())) : Decision.accept();
                }
                case ChangeFog c -> {
                    MapChecks.fogArea(c.area());
                    Scene scene = scene(state, c.sceneId(), caller);
                    if (scene.fog().ops().size() >= Fog.MAX_OPS) {
                        throw Refused.conflict("Scene " + scene.id() + " has " + Fog.MAX_OPS
                                + " fog operations, the most it may; reset the fog to start over.");
                    }
                    yield Decision.accept(new FogChanged(c.sceneId(), new FogOp(c.mode(), c.area())));
                }
                case ResetFog c -> {
                    scene(state, c.sceneId(), caller);
                    yield Decision.accept(new FogReset(c.sceneId(), c.fogged()));
                }
            };
        } catch (Refused refused) {
            return Decision.reject(refused.rejection());
        }
    }

    /** The state after an event. Total: an event about something no longer there changes nothing. */
    public MapState apply(MapState s, MapEvent event) {
        return switch (event) {
            case SceneCreated e -> s.scene(e.settings().id()).isPresent() ? s
                    : s.withScene(Scene.fresh(e.settings(), e.fogged()));
            case SceneImported e -> s.scene(e.scene().settings().id()).isPresent() ? s
                    : e.scene().tokens().stream().flatMap(t -> t.registers().values().stream()).map(Lww::stamp)
                            .reduce(Hlc::max).map(s.withScene(Scene.of(e.scene()))::seen)
                            .orElseGet(() -> s.withScene(Scene.of(e.scene())));
            case SceneUpdated e -> s.mapScene(e.settings().id(), sc -> sc.withSettings(e.settings()));
            case SceneDeleted e -> s.withoutScene(e.sceneId());
            case SceneActivated e -> s.scene(e.sceneId()).isPresent() ? s.withActive(Optional.of(e.sceneId())) : s;
            case MoveRuleSet e -> s.withMovesOnTurnOnly(e.onTurnOnly());
            case TokenCreated e -> s.mapScene(e.sceneId(), sc -> sc.tokens().containsKey(e.token().id())
                    || sc.removed().contains(e.token().id()) ? sc : sc.withToken(e.token()))
                    .seen(e.token().stamp(TokenProperty.LAYER));
            // The clock moves even when the token is gone, so it does not depend on the order of events.
            case TokenEdited e -> s.mapScene(e.sceneId(), sc -> sc.token(e.tokenId()).map(t -> {
                Token next = t;
                for (TokenChange change : e.changes()) {
                    next = next.with(change, e.stamp());
                }
                return next == t ? sc : sc.withToken(next);
            }).orElse(sc)).seen(e.stamp());
            case TokenDeleted e -> s.mapScene(e.sceneId(), sc -> sc.withoutToken(e.tokenId()));
            case DrawingAdded e -> s.mapScene(e.sceneId(), sc -> sc.canvas().drawing(e.drawing().id()).isPresent() ? sc
                    : sc.withCanvas(sc.canvas().added(e.drawing().authorId(), e.drawing())));
            case DrawingErased e -> s.mapScene(e.sceneId(), sc -> sc.canvas().drawing(e.drawingId())
                    .map(d -> sc.withCanvas(sc.canvas().erased(e.userId(), d))).orElse(sc));
            case DrawingUndone e -> s.mapScene(e.sceneId(), sc -> sc.withCanvas(sc.canvas().undone(e.userId())));
            case DrawingRedone e -> s.mapScene(e.sceneId(), sc -> sc.withCanvas(sc.canvas().redone(e.userId())));
            case CanvasCleared e -> s.mapScene(e.sceneId(), sc -> sc.withCanvas(sc.canvas().cleared(e.userId())));
            case FogChanged e -> s.mapScene(e.sceneId(), sc -> sc.withFog(sc.fog().with(e.op())));
            case FogReset e -> s.mapScene(e.sceneId(), sc -> sc.withFog(new Fog(e.fogged(), List.of())));
            case SceneShown e -> s;
            case ObjectsShown e -> s;
            case ObjectsHidden e -> s;
        };
    }

    /** Why a player may not send a command at all, if they may not. */
    static Optional<String> gmOnly(MapCommand command) {
        return switch (command) {
            case CreateScene c -> Optional.of("Only a GM manages scenes.");
            case ImportScene c -> Optional.of("Only a GM manages scenes.");
            case UpdateScene c -> Optional.of("Only a GM manages scenes.");
            case DeleteScene c -> Optional.of("Only a GM manages scenes.");
            case ActivateScene c -> Optional.of("Only a GM chooses the scene.");
            case SetMoveRule c -> Optional.of("Only a GM sets when players move.");
            case CreateToken c -> Optional.of("Only a GM places tokens.");
            case EditToken c -> Optional.empty();
            case DeleteToken c -> Optional.of("Only a GM deletes tokens.");
            case Draw c -> Optional.empty();
            case Erase c -> Optional.empty();
            case UndoDrawing c -> Optional.empty();
            case RedoDrawing c -> Optional.empty();
            case ClearCanvas c -> Optional.of("Only a GM clears the canvas.");
            case ChangeFog c -> Optional.of("Only a GM manages the fog.");
            case ResetFog c -> Optional.of("Only a GM manages the fog.");
        };
    }

    private static Decision<MapEvent> createScene(MapState state, CreateScene c) {
        MapChecks.id("sceneId", c.sceneId());
        MapChecks.name("name", c.name(), 1);
        MapChecks.grid(c.grid());
        MapChecks.image("background", c.background());
        if (state.scenes().containsKey(c.sceneId())) {
            throw Refused.conflict("There is a scene " + c.sceneId() + " already.");
        }
        if (state.scenes().size() >= MapState.MAX_SCENES) {
            throw Refused.conflict("This map has " + MapState.MAX_SCENES + " scenes, the most it may; delete one first.");
        }
        return Decision.accept(new SceneCreated(new SceneSettings(c.sceneId(), c.name(), c.grid(), c.background()),
                c.fogged()));
    }

    private static Decision<MapEvent> importScene(MapState state, ImportScene c) {
        String id = c.scene().settings().id();
        MapChecks.id("sceneId", id);
        if (state.scenes().containsKey(id)) {
            throw Refused.conflict("There is a scene " + id + " here already; delete or rename it first.");
        }
        if (state.scenes().size() >= MapState.MAX_SCENES) {
            throw Refused.conflict("This map has " + MapState.MAX_SCENES + " scenes, the most it may; delete one first.");
        }
        MapView.SceneView fresh = new MapView.SceneView(c.scene().settings(), c.scene().fog(), c.scene().tokens(),
                c.scene().drawings(), false, false);
        return Decision.accept(new SceneImported(fresh));
    }

    private static Decision<MapEvent> createToken(MapState state, CreateToken c, MapContext context) {
        MapChecks.id("tokenId", c.tokenId());
        MapChecks.changes("initial", c.initial(), true);
        MapChecks.stamp(c.stamp());
        Scene scene = scene(state, c.sceneId(), context.caller());
        if (scene.tokens().containsKey(c.tokenId()) || scene.removed().contains(c.tokenId())) {
            throw Refused.conflict("Token id " + c.tokenId() + " is taken on this scene.");
        }
        if (scene.tokens().size() >= Scene.MAX_TOKENS) {
            throw Refused.conflict("Scene " + scene.id() + " holds " + Scene.MAX_TOKENS
                    + " tokens, the most it may; delete some first.");
        }
        Hlc stamp = stamp(state, c.stamp(), context);
        return Decision.accept(new TokenCreated(c.sceneId(),
                Token.created(c.tokenId(), normalized(c.initial()), scene.settings().grid(), stamp)));
    }

    private static Decision<MapEvent> editToken(MapState state, EditToken c, MapContext context) {
        Caller caller = context.caller();
        MapChecks.changes("changes", c.changes(), false);
        MapChecks.stamp(c.stamp());
        Scene scene = scene(state, c.sceneId(), caller);
        Token token = token(scene, c.tokenId(), caller);
        if (caller.role() != Role.GM) {
            if (c.changes().stream().anyMatch(ch -> !ch.property().players())) {
                throw Refused.notPermitted("Players may move and rotate their tokens; the rest is the GM's.");
            }
            if (!token.owners().contains(caller.userId())) {
                throw Refused.notPermitted("You may move only your own tokens.");
            }
            if (token.locked()) {
                throw Refused.conflict("The token " + displayName(token) + " is locked.");
            }
            if (state.movesOnTurnOnly() && !context.callersTurn()) {
                throw Refused.conflict("Players move their tokens on their turn only; wait for yours.");
            }
            for (TokenChange ch : c.changes()) {
                if (ch instanceof TokenChange.Position p) {
                    TokenChange.Size size = token.size();
                    if (scene.fog().covers(p.x() + size.width() / 2, p.y() + size.height() / 2)) {
                        throw Refused.conflict("That place is under fog; a token moves only where the party can see.");
                    }
                }
            }
        }
        Hlc stamp = stamp(state, c.stamp(), context);
        List<TokenChange> winners = normalized(c.changes()).stream()
                .filter(ch -> stamp.after(token.stamp(ch.property()))).toList();
        return winners.isEmpty() ? Decision.accept() : Decision.accept(new TokenEdited(c.sceneId(), c.tokenId(),
                winners, stamp));
    }

    private static Decision<MapEvent> draw(MapState state, Draw c, Caller caller) {
        MapChecks.id("drawingId", c.drawingId());
        if (c.layer() == Layer.TOKENS) {
            throw Refused.invalid("layer", "Drawings go on the drawings, map or GM layer.");
        }
        MapChecks.shape(c.shape());
        MapChecks.pen(c.pen());
        Scene scene = scene(state, c.sceneId(), caller);
        if (caller.role() != Role.GM) {
            if (c.layer() != Layer.DRAWINGS) {
                throw Refused.notPermitted("Only a GM draws on the map and GM layers.");
            }
            if (scene.fog().covers(c.shape().bounds())) {
                throw Refused.conflict("That place is under fog; draw where the party can see.");
            }
        }
        if (scene.canvas().drawing(c.drawingId()).isPresent()) {
            throw Refused.conflict("Drawing id " + c.drawingId() + " is taken on this scene.");
        }
        Drawing drawing = new Drawing(c.drawingId(), c.layer(), c.shape(), c.pen(), caller.userId());
        room(scene, List.of(drawing));
        return Decision.accept(new DrawingAdded(c.sceneId(), drawing));
    }

    /** Refuses if these drawings would not fit on the scene. */
    private static void room(Scene scene, List<Drawing> more) {
        Canvas canvas = scene.canvas();
        if (canvas.drawings().size() + more.size() > Scene.MAX_DRAWINGS) {
            throw Refused.conflict("Scene " + scene.id() + " holds " + canvas.drawings().size() + " drawings and may hold "
                    + Scene.MAX_DRAWINGS + "; erase some or clear the canvas.");
        }
        int numbers = more.stream().mapToInt(d -> d.shape().numbers()).sum();
        if ((long) canvas.numbers() + numbers > Scene.MAX_NUMBERS) {
            throw Refused.conflict("The drawings of scene " + scene.id() + " would hold more than "
                    + Scene.MAX_NUMBERS + " points' numbers; erase some or clear the canvas.");
        }
    }

    /** The scene, if the caller may see it: a GM any, anyone else only the active one. */
    private static Scene scene(MapState state, String sceneId, Caller caller) {
        Optional<Scene> scene = state.scene(sceneId);
        if (scene.isEmpty() || (caller.role() != Role.GM && !state.activeSceneId().equals(Optional.of(sceneId)))) {
            throw Refused.notFound("sceneId", "There is no scene " + sceneId + ".");
        }
        return scene.get();
    }

    /** The token, if the caller may see it; for a player, one they may not see does not exist. */
    private static Token token(Scene scene, String tokenId, Caller caller) {
        Optional<Token> token = scene.token(tokenId);
        if (token.isPresent() && (caller.role() == Role.GM || MapVisibility.visible(scene, token.get()))) {
            return token.get();
        }
        if (caller.role() == Role.GM && scene.removed().contains(tokenId)) {
            throw Refused.notFound("tokenId", "Token " + tokenId + " was deleted.");
        }
        throw Refused.notFound("tokenId", "There is no token " + tokenId + " on this scene.");
    }

    private static Drawing drawing(Scene scene, String drawingId, Caller caller) {
        Optional<Drawing> drawing = scene.canvas().drawing(drawingId);
        if (drawing.isPresent() && (caller.role() == Role.GM || MapVisibility.visible(scene, drawing.get()))) {
            return drawing.get();
        }
        throw Refused.notFound("drawingId", "There is no drawing " + drawingId + " on this scene.");
    }

    /** The edit's stamp: the client's, clamped and with the caller as node; else the next tick of the map's clock. */
    private static Hlc stamp(MapState state, Optional<Hlc> sent, MapContext context) {
        long now = context.now().toEpochMilli();
        String node = context.caller().userId();
        if (sent.isEmpty()) {
            return HybridLogicalClock.tick(state.clock(), now, node);
        }
        Hlc clamped = HybridLogicalClock.clamp(sent.get(), now);
        return new Hlc(clamped.wallMillis(), clamped.counter(), node);
    }

    /** Rotations kept within 0-360, so equal angles are equal values. */
    private static List<TokenChange> normalized(List<TokenChange> changes) {
        return changes.stream().map(c -> c instanceof TokenChange.Rotation r
                ? new TokenChange.Rotation(((r.degrees() % 360) + 360) % 360) : c).toList();
    }

    private static String displayName(Token token) {
        return token.name().isEmpty() ? token.id() : token.name();
    }
}
