package dev.hearth.core.map;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be asked of the map. Ids of new things (scenes, tokens, drawings) come from the client,
 * so it can show them before the server answers: 1-64 letters, digits, {@code _} or {@code -}.
 * Spectators may send none; what a player may send is said on each, the rest are the GM's.
 */
public sealed interface MapCommand {

    /** GM. */
    record CreateScene(String sceneId, String name, Grid grid, Optional<ImageRef> background, boolean fogged)
            implements MapCommand {
        public CreateScene {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(background, "background");
        }
    }

    /**
     * GM: brings a scene made in another session of the campaign into this one, whole (settings,
     * fog, tokens with their stamps, drawings; not anyone's undo history), under the same id. The
     * server reads it from the other session for a GM of both; clients name only where it is.
     */
    record ImportScene(MapView.SceneView scene) implements MapCommand {
        public ImportScene {
            Objects.requireNonNull(scene, "scene");
        }
    }

    /** GM: renames, regrids or changes the background. */
    record UpdateScene(String sceneId, String name, Grid grid, Optional<ImageRef> background) implements MapCommand {
        public UpdateScene {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(background, "background");
        }
    }

    /** GM. Deleting the active scene leaves the session on none. */
    record DeleteScene(String sceneId) implements MapCommand {
        public DeleteScene {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    /** GM: everyone moves to this scene. */
    record ActivateScene(String sceneId) implements MapCommand {
        public ActivateScene {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    /** GM: whether players may move their tokens only on their turn. */
    record SetMoveRule(boolean onTurnOnly) implements MapCommand {}

    /**
     * GM: places a token.
     *
     * @param initial values over the defaults (tokens layer, at 0,0, one grid cell, no name, no
     *     owner, shown, unlocked); at most one per property
     * @param stamp the client's clock when it made the edit; empty for the server's own clock
     */
    record CreateToken(String sceneId, String tokenId, List<TokenChange> initial, Optional<Hlc> stamp)
            implements MapCommand {
        public CreateToken {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(tokenId, "tokenId");
            initial = List.copyOf(initial);
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /**
     * Changes 1-10 properties of a token, at most one change each. The GM may change any; a player
     * may move and rotate ({@link TokenProperty#players()}) an unlocked token they own, to a place
     * not under fog, and, if the GM so rules, only on their turn. Each change takes effect only if
     * its stamp is later than the property's: an older one is superseded, not refused.
     *
     * @param stamp the client's clock when it made the edit (clamped to the server's time plus
     *     {@link HybridLogicalClock#MAX_SKEW_MILLIS}); empty for the server's own clock
     */
    record EditToken(String sceneId, String tokenId, List<TokenChange> changes, Optional<Hlc> stamp)
            implements MapCommand {
        public EditToken {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(tokenId, "tokenId");
            changes = List.copyOf(changes);
            Objects.requireNonNull(stamp, "stamp");
        }

        /** A move to x, y, stamped by the server. */
        public static EditToken move(String sceneId, String tokenId, double x, double y) {
            return new EditToken(sceneId, tokenId, List.of(new TokenChange.Position(x, y)), Optional.empty());
        }
    }

    /** GM. */
    record DeleteToken(String sceneId, String tokenId) implements MapCommand {
        public DeleteToken {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    /**
     * Player or GM: draws. Players draw on the drawings layer only, and not under fog (the drawing
     * would vanish for them); the map and GM layers are the GM's.
     */
    record Draw(String sceneId, String drawingId, Layer layer, Shape shape, Pen pen) implements MapCommand {
        public Draw {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(drawingId, "drawingId");
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(pen, "pen");
        }
    }

    /** Player (their own drawings) or GM (any). */
    record Erase(String sceneId, String drawingId) implements MapCommand {
        public Erase {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(drawingId, "drawingId");
        }
    }

    /** Player or GM: reverses the caller's last drawing op on the scene. */
    record UndoDrawing(String sceneId) implements MapCommand {
        public UndoDrawing {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    /** Player or GM: repeats the caller's last undone drawing op on the scene. */
    record RedoDrawing(String sceneId) implements MapCommand {
        public RedoDrawing {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    /** GM: erases every drawing on the drawings layer (the map and GM layers stay); undoable. */
    record ClearCanvas(String sceneId) implements MapCommand {
        public ClearCanvas {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    /** GM: reveals or hides an area. */
    record ChangeFog(String sceneId, FogMode mode, FogArea area) implements MapCommand {
        public ChangeFog {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(area, "area");
        }
    }

    /** GM: forgets every fog operation and starts over, all fogged or all clear. */
    record ResetFog(String sceneId, boolean fogged) implements MapCommand {
        public ResetFog {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }
}
