package dev.hearth.core.map;

import java.util.List;
import java.util.Objects;

/**
 * What happened on the map. All but the last three are recorded in the log. {@link SceneShown},
 * {@link ObjectsShown} and {@link ObjectsHidden} are never recorded: {@link MapVisibility} makes
 * them for players and spectators, to tell them that something came into or went out of their
 * view (a token revealed or moved out of fog, a room fogged); apply ignores them.
 */
public sealed interface MapEvent {

    record SceneCreated(SceneSettings settings, boolean fogged) implements MapEvent {
        public SceneCreated {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** A scene brought in from another session, whole; it is not the active one. */
    record SceneImported(MapView.SceneView scene) implements MapEvent {
        public SceneImported {
            Objects.requireNonNull(scene, "scene");
        }
    }

    record SceneUpdated(SceneSettings settings) implements MapEvent {
        public SceneUpdated {
            Objects.requireNonNull(settings, "settings");
        }
    }

    record SceneDeleted(String sceneId) implements MapEvent {
        public SceneDeleted {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    record SceneActivated(String sceneId) implements MapEvent {
        public SceneActivated {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    record MoveRuleSet(boolean onTurnOnly) implements MapEvent {}

    /** A token placed; every register carries the stamp of its creation. */
    record TokenCreated(String sceneId, Token token) implements MapEvent {
        public TokenCreated {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * Writes to some of a token's properties, all with one stamp. Applying merges each into its
     * register (the later stamp wins), so applying edits in any order gives the same token.
     */
    record TokenEdited(String sceneId, String tokenId, List<TokenChange> changes, Hlc stamp) implements MapEvent {
        public TokenEdited {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(tokenId, "tokenId");
            changes = List.copyOf(changes);
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /** Deleted for good: later edits of it, in whatever order they arrive, change nothing. */
    record TokenDeleted(String sceneId, String tokenId) implements MapEvent {
        public TokenDeleted {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    /** A drawing added by its author (named in it), on top. */
    record DrawingAdded(String sceneId, Drawing drawing) implements MapEvent {
        public DrawingAdded {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(drawing, "drawing");
        }
    }

    record DrawingErased(String sceneId, String drawingId, String userId) implements MapEvent {
        public DrawingErased {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(drawingId, "drawingId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The user's last drawing op reversed; what it did follows from the state (see {@link Canvas}). */
    record DrawingUndone(String sceneId, String userId) implements MapEvent {
        public DrawingUndone {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    record DrawingRedone(String sceneId, String userId) implements MapEvent {
        public DrawingRedone {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** Every drawing on the drawings layer erased, by a GM. */
    record CanvasCleared(String sceneId, String userId) implements MapEvent {
        public CanvasCleared {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    record FogChanged(String sceneId, FogOp op) implements MapEvent {
        public FogChanged {
            Objects.requireNonNull(sceneId, "sceneId");
            Objects.requireNonNull(op, "op");
        }
    }

    record FogReset(String sceneId, boolean fogged) implements MapEvent {
        public FogReset {
            Objects.requireNonNull(sceneId, "sceneId");
        }
    }

    /** Not recorded. For players: the scene they are now on, as they may see it. */
    record SceneShown(MapView.SceneView scene) implements MapEvent {
        public SceneShown {
            Objects.requireNonNull(scene, "scene");
        }
    }

    /** Not recorded. For players: tokens and drawings that came into their view, whole. */
    record ObjectsShown(String sceneId, List<Token> tokens, List<Drawing> drawings) implements MapEvent {
        public ObjectsShown {
            Objects.requireNonNull(sceneId, "sceneId");
            tokens = List.copyOf(tokens);
            drawings = List.copyOf(drawings);
        }
    }

    /** Not recorded. For players: tokens and drawings that left their view, by id only. */
    record ObjectsHidden(String sceneId, List<String> tokenIds, List<String> drawingIds) implements MapEvent {
        public ObjectsHidden {
            Objects.requireNonNull(sceneId, "sceneId");
            tokenIds = List.copyOf(tokenIds);
            drawingIds = List.copyOf(drawingIds);
        }
    }
}
