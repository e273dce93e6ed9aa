package dev.hearth.core.map;

import dev.hearth.core.access.Role;
import dev.hearth.core.map.MapEvent.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who receives what of a map event. Unlike chat or combat, fog makes this more than a yes or no:
 * one GM stroke can take a dozen tokens out of the players' sight and bring others in. So a map
 * event becomes {@link Delivery deliveries}, each for one {@link Audience}:
 *
 * <ul>
 *   <li>{@link Audience#GMS} get the event as recorded, always, and the effect of an undo, a redo
 *       or a clear as objects shown and hidden ({@link #forGms});
 *   <li>{@link Audience#OTHERS} (players and spectators; all see the same map) get a translation
 *       built only from what they may see before and after the event ({@link #visible}): the event
 *       itself when everything it carries is visible on both sides; nothing when nothing of it is;
 *       {@link ObjectsShown} with the whole objects that came into view (a token revealed, moved
 *       out of fog or off the GM layer; a drawing brought back by undo; fog lifted); and
 *       {@link ObjectsHidden}, by id only, for objects that left it. A fog change is passed on
 *       (its geometry is public) followed by the objects it showed and hid. Events on a scene that
 *       is not the active one are the GMs' only; activating a scene sends others {@link SceneShown},
 *       the new scene as they may see it.
 * </ul>
 *
 * So a player never receives a GM-layer object, a hidden token, or anything under fog, and a
 * player's client that folds its deliveries holds exactly {@link MapView#of} for a player.
 */
public final class MapVisibility {

    /** Who a delivery is for. */
    public enum Audience {
        /** Whoever is a GM at delivery. */
        GMS,
        /** Everyone else: players and spectators. */
        OTHERS;

        public boolean allows(Role role) {
            return (role == Role.GM) == (this == GMS);
        }
    }

    /** One event for one audience. */
    public record Delivery(Audience audience, MapEvent event) {
        public Delivery {
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(event, "event");
        }
    }

    private MapVisibility() {}

    /**
     * True if players and spectators may see this token on this scene: it is not on the GM layer,
     * not hidden, and the centre of its rectangle is not under fog.
     */
    public static boolean visible(Scene scene, Token token) {
        return token.layer() != Layer.GM && !token.hidden() && !scene.fog().covers(token.box());
    }

    /** True if players and spectators may see this drawing: not on the GM layer, its centre not under fog. */
    public static boolean visible(Scene scene, Drawing drawing) {
        return drawing.layer() != Layer.GM && !scene.fog().covers(drawing.shape().bounds());
    }

    /** What each audience receives of an event, judged on the states just before and after it. */
    public static List<Delivery> of(MapEvent event, MapState before, MapState after) {
        List<Delivery> out = new ArrayList<>();
        for (MapEvent e : forGms(event, before, after)) {
            out.add(new Delivery(Audience.GMS, e));
        }
        for (MapEvent e : forOthers(event, before, after)) {
            out.add(new Delivery(Audience.OTHERS, e));
        }
        return out;
    }

    /**
     * The events for GMs, in order: the event as recorded, and after an undo, a redo or a clear the
     * drawings it brought back ({@link ObjectsShown}) and took away ({@link ObjectsHidden}). What
     * those did follows from each user's history, which no client holds; so every client learns
     * their effect the same way, as objects shown and hidden.
     */
    public static List<MapEvent> forGms(MapEvent event, MapState before, MapState after) {
        return switch (event) {
            case SceneShown e -> List.of();
            case ObjectsShown e -> List.of();
            case ObjectsHidden e -> List.of();
            case DrawingUndone e -> withEffect(e, e.sceneId(), before, after);
            case DrawingRedone e -> withEffect(e, e.sceneId(), before, after);
            case CanvasCleared e -> withEffect(e, e.sceneId(), before, after);
            default -> List.of(event);
        };
    }

    private static List<MapEvent> withEffect(MapEvent event, String sceneId, MapState before, MapState after) {
        List<MapEvent> out = new ArrayList<>();
        out.add(event);
        before.scene(sceneId).ifPresent(b -> after.scene(sceneId).ifPresent(a -> {
            Map<String, Drawing> was = byId(b.canvas().drawings());
            Map<String, Drawing> is = byId(a.canvas().drawings());
            out.addAll(changes(sceneId, List.of(), is.values().stream().filter(d -> !was.containsKey(d.id())).toList(),
                    List.of(), was.keySet().stream().filter(id -> !is.containsKey(id)).sorted().toList()));
        }));
        return out;
    }

    private static Map<String, Drawing> byId(List<Drawing> drawings) {
        Map<String, Drawing> out = new java.util.LinkedHashMap<>();
        drawings.forEach(d -> out.put(d.id(), d));
        return out;
    }

    /** The events for players and spectators, in order. */
    public static List<MapEvent> forOthers(MapEvent event, MapState before, MapState after) {
        return switch (event) {
            case SceneCreated e -> List.of();
            case SceneImported e -> List.of();
            case SceneUpdated e -> active(after, e.settings().id()) ? List.of(e) : List.of();
            case SceneDeleted e -> active(before, e.sceneId()) ? List.of(e) : List.of();
            case SceneActivated e -> after.activeScene()
                    .<List<MapEvent>>map(s -> List.of(new SceneShown(MapView.scene(s, "", false)))).orElse(List.of());
            case MoveRuleSet e -> List.of(e);
            case TokenCreated e -> onActive(before, after, e.sceneId())
                    .filter(p -> p.after().token(e.token().id()).filter(t -> visible(p.after(), t)).isPresent())
                    .<List<MapEvent>>map(p -> List.of(e)).orElse(List.of());
            case TokenEdited e -> onActive(before, after, e.sceneId())
                    .map(p -> token(e, e.tokenId(), p)).orElse(List.of());
            case TokenDeleted e -> onActive(before, after, e.sceneId())
                    .map(p -> token(e, e.tokenId(), p)).orElse(List.of());
            case DrawingAdded e -> onActive(before, after, e.sceneId())
                    .map(p -> drawings(e, p)).orElse(List.of());
            case DrawingErased e -> onActive(before, after, e.sceneId())
                    .map(p -> drawings(e, p)).orElse(List.of());
            case DrawingUndone e -> onActive(before, after, e.sceneId())
                    .map(p -> drawings(e, p)).orElse(List.of());
            case DrawingRedone e -> onActive(before, after, e.sceneId())
                    .map(p -> drawings(e, p)).orElse(List.of());
            case CanvasCleared e -> onActive(before, after, e.sceneId())
                    .map(p -> drawings(e, p)).orElse(List.of());
            case FogChanged e -> onActive(before, after, e.sceneId()).map(p -> everything(e, p)).orElse(List.of());
            case FogReset e -> onActive(before, after, e.sceneId()).map(p -> everything(e, p)).orElse(List.of());
            case SceneShown e -> List.of();
            case ObjectsShown e -> List.of();
            case ObjectsHidden e -> List.of();
        };
    }

    /** One scene on each side of an event. */
    private record Pair(Scene before, Scene after) {}

    private static boolean active(MapState state, String sceneId) {
        return state.activeSceneId().equals(Optional.of(sceneId));
    }

    /** The scene on both sides, if it is the active one on both (no object event changes which is). */
    private static Optional<Pair> onActive(MapState before, MapState after, String sceneId) {
        if (!active(before, sceneId) || !active(after, sceneId)) {
            return Optional.empty();
        }
        return before.scene(sceneId).flatMap(b -> after.scene(sceneId).map(a -> new Pair(b, a)));
    }

    /** A token event: passed on if the token is visible on both sides, else shown or hidden as it changed. */
    private static List<MapEvent> token(MapEvent event, String tokenId, Pair p) {
        Optional<Token> was = p.before().token(tokenId).filter(t -> visible(p.before(), t));
        Optional<Token> is = p.after().token(tokenId).filter(t -> visible(p.after(), t));
        if (was.isPresent() && (is.isPresent() || event instanceof TokenDeleted)) {
            return List.of(event);
        }
        if (is.isPresent()) {
            return List.of(new ObjectsShown(p.after().id(), List.of(is.get()), List.of()));
        }
        if (was.isPresent()) {
            return List.of(new ObjectsHidden(p.after().id(), List.of(tokenId), List.of()));
        }
        return List.of();
    }

    /**
     * A drawing event: the drawings that came into view and left it, by comparing the visible
     * drawings on both sides. A single add or erase that others see whole is passed on as it is.
     */
    private static List<MapEvent> drawings(MapEvent event, Pair p) {
        List<Drawing> shown;
        List<String> hidden;
        if (p.before().fog() == p.after().fog()) {
            // A drawing event leaves the fog as it was, and a drawing on both sides is the same one
            // (ids are never reused on a canvas), so it is visible on both or on neither: only those
            // on one side can come into view or leave it. Judging those alone, rather than every
            // drawing twice against every fog operation, gives the same lists.
            Set<String> before = p.before().canvas().ids();
            Set<String> after = p.after().canvas().ids();
            shown = p.after().canvas().drawings().stream()
                    .filter(d -> !before.contains(d.id()) && visible(p.after(), d)).toList();
            hidden = p.before().canvas().drawings().stream()
                    .filter(d -> !after.contains(d.id()) && visible(p.before(), d)).map(Drawing::id).sorted().toList();
        } else {
            Map<String, Drawing> was = visibleDrawings(p.before());
            Map<String, Drawing> is = visibleDrawings(p.after());
            shown = is.values().stream().filter(d -> !was.containsKey(d.id())).toList();
            hidden = was.keySet().stream().filter(id -> !is.containsKey(id)).sorted().toList();
        }
        if (event instanceof DrawingAdded a && hidden.isEmpty() && shown.equals(List.of(a.drawing()))) {
            return List.of(event);
        }
        if (event instanceof DrawingErased e && shown.isEmpty() && hidden.equals(List.of(e.drawingId()))) {
            return List.of(event);
        }
        return changes(p.after().id(), List.of(), shown, List.of(), hidden);
    }

    /** A fog event: passed on, then every token and drawing that came into view or left it. */
    private static List<MapEvent> everything(MapEvent event, Pair p) {
        if (event instanceof FogChanged e && stroked(p, e.op())) {
            return stroke(event, e.op(), p);
        }
        List<Token> shownTokens = new ArrayList<>();
        List<String> hiddenTokens = new ArrayList<>();
        for (Token t : p.after().tokens().values()) {
            boolean was = p.before().token(t.id()).filter(x -> visible(p.before(), x)).isPresent();
            boolean is = visible(p.after(), t);
            if (is && !was) {
                shownTokens.add(t);
            } else if (was && !is) {
                hiddenTokens.add(t.id());
            }
        }
        Map<String, Drawing> was = visibleDrawings(p.before());
        Map<String, Drawing> is = visibleDrawings(p.after());
        List<Drawing> shown = is.values().stream().filter(d -> !was.containsKey(d.id())).toList();
        List<String> hidden = was.keySet().stream().filter(id -> !is.containsKey(id)).sorted().toList();
        List<MapEvent> out = new ArrayList<>();
        out.add(event);
        out.addAll(changes(p.after().id(), shownTokens, shown, hiddenTokens, hidden));
        return out;
    }

    /** True if the scene after is the scene before with this fog operation on top, and nothing else changed. */
    private static boolean stroked(Pair p, FogOp op) {
        Fog was = p.before().fog();
        Fog is = p.after().fog();
        return p.before().canvas() == p.after().canvas() && is.fogged() == was.fogged()
                && is.ops().size() == was.ops().size() + 1 && is.ops().getLast().equals(op)
                && is.ops().subList(0, was.ops().size()).equals(was.ops())
                && p.before().tokens().equals(p.after().tokens());
    }

    /**
     * A fog stroke: what {@link #everything} gives, judging only the objects whose centre is in the
     * stroke's area. Fog covers a point as the last operation holding it says; the stroke is the
     * last, so a point outside it is covered as before and its object neither shows nor hides,
     * while one inside is judged at once. That makes a stroke cost one area test per object plus
     * a full judgement of those under it, not every object against every operation twice.
     */
    private static List<MapEvent> stroke(MapEvent event, FogOp op, Pair p) {
        List<Token> shownTokens = new ArrayList<>();
        List<String> hiddenTokens = new ArrayList<>();
        for (Token t : p.after().tokens().values()) {
            Box box = t.box();
            if (op.area().contains(box.centreX(), box.centreY())) {
                boolean was = visible(p.before(), t);
                boolean is = visible(p.after(), t);
                if (is && !was) {
                    shownTokens.add(t);
                } else if (was && !is) {
                    hiddenTokens.add(t.id());
                }
            }
        }
        List<Drawing> shown = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (Drawing d : p.after().canvas().drawings()) {
            Box box = d.shape().bounds();
            if (op.area().contains(box.centreX(), box.centreY())) {
                boolean was = visible(p.before(), d);
                boolean is = visible(p.after(), d);
                if (is && !was) {
                    shown.add(d);
                } else if (was && !is) {
                    hidden.add(d.id());
                }
            }
        }
        List<MapEvent> out = new ArrayList<>();
        out.add(event);
        out.addAll(changes(p.after().id(), shownTokens, shown, hiddenTokens, hidden.stream().sorted().toList()));
        return out;
    }

    private static List<MapEvent> changes(String sceneId, List<Token> shownTokens, List<Drawing> shownDrawings,
            List<String> hiddenTokens, List<String> hiddenDrawings) {
        List<MapEvent> out = new ArrayList<>(2);
        if (!hiddenTokens.isEmpty() || !hiddenDrawings.isEmpty()) {
            out.add(new ObjectsHidden(sceneId, hiddenTokens, hiddenDrawings));
        }
        if (!shownTokens.isEmpty() || !shownDrawings.isEmpty()) {
            out.add(new ObjectsShown(sceneId, shownTokens, shownDrawings));
        }
        return out;
    }

    /** The drawings others see, by id, bottom to top. */
    private static Map<String, Drawing> visibleDrawings(Scene scene) {
        return byId(scene.canvas().drawings().stream().filter(d -> visible(scene, d)).toList());
    }
}
