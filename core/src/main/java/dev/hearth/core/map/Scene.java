package dev.hearth.core.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One map of the campaign: its settings, fog, tokens and drawings.
 *
 * @param tokens by id, in the order they were placed (which is also their stacking order)
 * @param removed ids of deleted tokens. Kept so that an edit that reaches a replica after the
 *     delete (or a late create) cannot bring a token back, and so that ids are never reused.
 */
public record Scene(SceneSettings settings, Fog fog, Map<String, Token> tokens, Set<String> removed, Canvas canvas) {

    /** The most tokens on one scene (the issue asks for 100 to stay smooth). */
    public static final int MAX_TOKENS = 1000;
    /** The most drawings on one scene (the issue asks for 1,000 to stay smooth). */
    public static final int MAX_DRAWINGS = 10_000;
    /** The most numbers all drawings of a scene may hold: about 4 MB of coordinates. */
    public static final int MAX_NUMBERS = 500_000;

    public Scene {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(fog, "fog");
        tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        removed = Set.copyOf(removed);
        Objects.requireNonNull(canvas, "canvas");
    }

    static Scene fresh(SceneSettings settings, boolean fogged) {
        return new Scene(settings, fogged ? Fog.FOGGED : Fog.CLEAR, Map.of(), Set.of(), Canvas.EMPTY);
    }

    /** A scene as a GM sees it, made whole again: its drawings, no one's undo history. */
    static Scene of(MapView.SceneView view) {
        Map<String, Token> byId = new LinkedHashMap<>();
        view.tokens().forEach(t -> byId.put(t.id(), t));
        int numbers = view.drawings().stream().mapToInt(d -> d.shape().numbers()).sum();
        return new Scene(view.settings(), view.fog(), byId, Set.of(), new Canvas(view.drawings(), Map.of(), numbers));
    }

    public String id() {
        return settings.id();
    }

    public Optional<Token> token(String id) {
        return Optional.ofNullable(tokens.get(id));
    }

    Scene withSettings(SceneSettings next) {
        return new Scene(next, fog, tokens, removed, canvas);
    }

    Scene withFog(Fog next) {
        return new Scene(settings, next, tokens, removed, canvas);
    }

    Scene withCanvas(Canvas next) {
        return new Scene(settings, fog, tokens, removed, next);
    }

    Scene withToken(Token token) {
        Map<String, Token> next = new LinkedHashMap<>(tokens);
        next.put(token.id(), token);
        return new Scene(settings, fog, next, removed, canvas);
    }

    Scene withoutToken(String id) {
        Map<String, Token> next = new LinkedHashMap<>(tokens);
        next.remove(id);
        Set<String> gone = new java.util.HashSet<>(removed);
        gone.add(id);
        return new Scene(settings, fog, next, gone, canvas);
    }
}
