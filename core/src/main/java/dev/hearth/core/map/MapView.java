package dev.hearth.core.map;

import dev.hearth.core.access.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The map as one viewer may see it, for clients (on join, on resume, and when the scene changes).
 * A GM sees every scene and everything on them. Anyone else (players and spectators alike) sees
 * only the active scene, and on it no object on the GM layer, no hidden token, and nothing under
 * fog ({@link MapVisibility#visible}); the fog's own geometry they do see, to draw it.
 *
 * @param scenes for a GM all, in the order they were made; for others the active one, or none
 */
public record MapView(Optional<String> activeSceneId, boolean movesOnTurnOnly, List<SceneView> scenes) {

    public MapView {
        Objects.requireNonNull(activeSceneId, "activeSceneId");
        scenes = List.copyOf(scenes);
    }

    /**
     * One scene as the viewer may see it.
     *
     * @param tokens bottom to top
     * @param drawings bottom to top
     * @param canUndo whether the viewer has a drawing op to undo here
     * @param canRedo whether the viewer has an undone op to redo here
     */
    public record SceneView(SceneSettings settings, Fog fog, List<Token> tokens, List<Drawing> drawings,
            boolean canUndo, boolean canRedo) {
        public SceneView {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(fog, "fog");
            tokens = List.copyOf(tokens);
            drawings = List.copyOf(drawings);
        }
    }

    public static MapView of(MapState state, String viewerUserId, Role role) {
        boolean gm = role == Role.GM;
        List<SceneView> scenes = gm
                ? state.scenes().values().stream().map(s -> scene(s, viewerUserId, true)).toList()
                : state.activeScene().map(s -> List.of(scene(s, viewerUserId, false))).orElse(List.of());
        return new MapView(state.activeSceneId(), state.movesOnTurnOnly(), scenes);
    }

    /** One scene for a viewer; {@code gm} false gives what players and spectators may see of it. */
    public static SceneView scene(Scene scene, String viewerUserId, boolean gm) {
        History history = scene.canvas().history(viewerUserId);
        return new SceneView(scene.settings(), scene.fog(),
                scene.tokens().values().stream().filter(t -> gm || MapVisibility.visible(scene, t)).toList(),
                scene.canvas().drawings().stream().filter(d -> gm || MapVisibility.visible(scene, d)).toList(),
                !history.undo().isEmpty(), !history.redo().isEmpty());
    }
}
