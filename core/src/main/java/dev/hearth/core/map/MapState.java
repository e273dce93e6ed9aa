package dev.hearth.core.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A session's map: its scenes, the one players see, the GM's rule for moves, and the clock.
 *
 * @param scenes by id, in the order they were made
 * @param activeSceneId the scene everyone is on; players see no other
 * @param movesOnTurnOnly the GM's setting: players move their tokens only on their turn
 * @param clock the latest stamp any event carried; the server stamps its own writes after it
 */
public record MapState(Map<String, Scene> scenes, Optional<String> activeSceneId, boolean movesOnTurnOnly,
        Hlc clock) {

    public static final MapState EMPTY = new MapState(Map.of(), Optional.empty(), false, Hlc.ZERO);

    /** The most scenes in a session's map. */
    public static final int MAX_SCENES = 100;

    public MapState {
        scenes = Collections.unmodifiableMap(new LinkedHashMap<>(scenes));
        Objects.requireNonNull(activeSceneId, "activeSceneId");
        Objects.requireNonNull(clock, "clock");
    }

    public Optional<Scene> scene(String id) {
        return Optional.ofNullable(scenes.get(id));
    }

    public Optional<Scene> activeScene() {
        return activeSceneId.flatMap(this::scene);
    }

    MapState withScene(Scene scene) {
        Map<String, Scene> next = new LinkedHashMap<>(scenes);
        next.put(scene.id(), scene);
        return new MapState(next, activeSceneId, movesOnTurnOnly, clock);
    }

    MapState mapScene(String id, UnaryOperator<Scene> f) {
        Scene scene = scenes.get(id);
        return scene == null ? this : withScene(f.apply(scene));
    }

    MapState withoutScene(String id) {
        Map<String, Scene> next = new LinkedHashMap<>(scenes);
        next.remove(id);
        return new MapState(next, activeSceneId.filter(a -> !a.equals(id)), movesOnTurnOnly, clock);
    }

    MapState withActive(Optional<String> id) {
        return new MapState(scenes, id, movesOnTurnOnly, clock);
    }

    MapState withMovesOnTurnOnly(boolean only) {
        return new MapState(scenes, activeSceneId, only, clock);
    }

    /** The clock only moves forward: the later of it and a stamp seen in an event. */
    MapState seen(Hlc stamp) {
        return stamp.after(clock) ? new MapState(scenes, activeSceneId, movesOnTurnOnly, stamp) : this;
    }
}
