package dev.hearth.core.map;

import dev.hearth.core.map.MapEvent.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What players receive of drawing and fog events, worked out the long way: every token and drawing
 * judged on both sides of the event. {@link MapVisibility} judges only the objects an event can
 * change; this is the oracle its shortcuts are checked against (MapProperties).
 */
final class FullComparison {

    private FullComparison() {}

    static List<MapEvent> forOthers(MapEvent event, MapState before, MapState after) {
        Optional<String> sceneId = switch (event) {
            case DrawingAdded e -> Optional.of(e.sceneId());
            case DrawingErased e -> Optional.of(e.sceneId());
            case DrawingUndone e -> Optional.of(e.sceneId());
            case DrawingRedone e -> Optional.of(e.sceneId());
            case CanvasCleared e -> Optional.of(e.sceneId());
            case FogChanged e -> Optional.of(e.sceneId());
            case FogReset e -> Optional.of(e.sceneId());
            default -> Optional.empty();
        };
        if (sceneId.isEmpty()) {
            return MapVisibility.forOthers(event, before, after);
        }
        String id = sceneId.get();
        Optional<String> active = Optional.of(id);
        if (!before.activeSceneId().equals(active) || !after.activeSceneId().equals(active)
                || before.scene(id).isEmpty() || after.scene(id).isEmpty()) {
            return List.of();
        }
        Scene b = before.scene(id).get();
        Scene a = after.scene(id).get();
        List<Token> shownTokens = new ArrayList<>();
        List<String> hiddenTokens = new ArrayList<>();
        boolean fog = event instanceof FogChanged || event instanceof FogReset;
        if (fog) {
            for (Token t : a.tokens().values()) {
                boolean was = b.token(t.id()).filter(x -> MapVisibility.visible(b, x)).isPresent();
                boolean is = MapVisibility.visible(a, t);
                if (is && !was) {
                    shownTokens.add(t);
                } else if (was && !is) {
                    hiddenTokens.add(t.id());
                }
            }
        }
        Map<String, Drawing> was = visible(b);
        Map<String, Drawing> is = visible(a);
        List<Drawing> shown = is.values().stream().filter(d -> !was.containsKey(d.id())).toList();
        List<String> hidden = was.keySet().stream().filter(d -> !is.containsKey(d)).sorted().toList();
        if (event instanceof DrawingAdded e && hidden.isEmpty() && shown.equals(List.of(e.drawing()))) {
            return List.of(event);
        }
        if (event instanceof DrawingErased e && shown.isEmpty() && hidden.equals(List.of(e.drawingId()))) {
            return List.of(event);
        }
        List<MapEvent> out = new ArrayList<>();
        if (fog) {
            out.add(event);
        }
        if (!hiddenTokens.isEmpty() || !hidden.isEmpty()) {
            out.add(new ObjectsHidden(id, hiddenTokens, hidden));
        }
        if (!shownTokens.isEmpty() || !shown.isEmpty()) {
            out.add(new ObjectsShown(id, shownTokens, shown));
        }
        return out;
    }

    private static Map<String, Drawing> visible(Scene scene) {
        Map<String, Drawing> out = new LinkedHashMap<>();
        scene.canvas().drawings().stream().filter(d -> MapVisibility.visible(scene, d)).forEach(d -> out.put(d.id(), d));
        return out;
    }
}
