package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.map.MapCommand;
import dev.hearth.core.map.MapEvent;
import dev.hearth.core.map.MapState;
import dev.hearth.core.map.MapView;
import dev.hearth.core.table.TableEvent;
import dev.hearth.server.realtime.stream.CommandFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared map on the wire and in the log. Commands are one message type per record, {@code map.}
 * + its name in snake_case ({@code map.edit_token}); every committed map event is one frame,
 * {@code map.changed {userId, changes}}, whose changes are the map events a member receives of it,
 * each {@code {type, ...its components}} by {@link GameJson}'s rules ({@code token_edited},
 * {@code objects_shown}). GMs and everyone else get different changes for the same event; the log
 * keeps both ({@code changes} for GMs, {@code others} for the rest, {@code "same"} when alike).
 */
public final class MapCodec {

    public static final String PREFIX = "map.";
    /** The one event type of the map, in the log and on the wire. */
    public static final String CHANGED = "map.changed";
    /** The request (and REST twin) for the map as the caller may see it. */
    public static final String VIEW = "map.view";
    /**
     * Brings a scene from another session of the campaign: {@code {fromSessionId, sceneId}}. The
     * server reads the scene there; a client never sends a scene's content as its own.
     */
    public static final String IMPORT_SCENE = "map.import_scene";

    private static final String SAME = "same";

    private final ObjectMapper game;
    private final Map<String, Class<? extends MapCommand>> commands = new LinkedHashMap<>();
    private final Map<String, Class<? extends MapEvent>> changes = new LinkedHashMap<>();
    private final Set<String> commandTypes;

    @SuppressWarnings("unchecked")
    public MapCodec(ObjectMapper game) {
        this.game = game;
        for (Class<?> type : GameJson.records(MapCommand.class)) {
            if (type != MapCommand.ImportScene.class) {
                commands.put(PREFIX + GameJson.snakeCase(type.getSimpleName()), (Class<? extends MapCommand>) type);
            }
        }
        Set<String> types = new java.util.LinkedHashSet<>(commands.keySet());
        types.add(IMPORT_SCENE);
        this.commandTypes = Collections.unmodifiableSet(types);
        for (Class<?> type : GameJson.records(MapEvent.class)) {
            changes.put(GameJson.snakeCase(type.getSimpleName()), (Class<? extends MapEvent>) type);
        }
    }

    /** Every map command type, {@link #IMPORT_SCENE} included. */
    public Set<String> commandTypes() {
        return commandTypes;
    }

    /** Where a scene to import is. */
    public record SceneSource(String fromSessionId, String sceneId) {}

    public SceneSource decodeSceneSource(JsonNode payload) {
        return new SceneSource(Fields.text(payload, "fromSessionId"), Fields.text(payload, "sceneId"));
    }

    /** A map command but {@link #IMPORT_SCENE}, which the server resolves itself. */
    public MapCommand decodeCommand(String type, JsonNode payload) {
        Class<? extends MapCommand> cls = commands.get(type);
        if (cls == null) {
            throw new CommandFormatException("type", "Not a map command: " + type + ".");
        }
        try {
            return game.treeToValue(payload, cls);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw GameJson.refusal(e);
        }
    }

    /** The payload for GMs: {@code {userId, changes}}. */
    public ObjectNode payload(TableEvent.MapHappened happened) {
        return payload(happened.userId(), happened.forGms());
    }

    /** The payload for players and spectators, when theirs differs from the GMs'. */
    public Optional<ObjectNode> othersPayload(TableEvent.MapHappened happened) {
        if (happened.forOthers().isEmpty() || happened.forOthers().equals(happened.forGms())) {
            return Optional.empty();
        }
        return Optional.of(payload(happened.userId(), happened.forOthers()));
    }

    /** The GMs' payload and what the others receive, for the log. */
    public ObjectNode logPayload(TableEvent.MapHappened happened) {
        ObjectNode node = payload(happened);
        if (happened.forOthers().equals(happened.forGms())) {
            node.put("others", SAME);
        } else {
            node.set("others", changes(happened.forOthers()));
        }
        return node;
    }

    public TableEvent.MapHappened decodeEvent(JsonNode p) {
        List<MapEvent> forGms = readChanges(p.path("changes"));
        if (forGms.isEmpty()) {
            throw new IllegalArgumentException("a map event without changes");
        }
        JsonNode others = p.path("others");
        List<MapEvent> forOthers = others.isTextual() && others.asText().equals(SAME) ? forGms : readChanges(others);
        return new TableEvent.MapHappened(p.path("userId").asText(), forGms.getFirst(), forGms, forOthers);
    }

    public JsonNode view(MapView view) {
        return game.valueToTree(view);
    }

    public JsonNode state(MapState state) {
        return game.valueToTree(state);
    }

    public MapState readState(JsonNode node) {
        try {
            return game.treeToValue(node, MapState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the map is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode payload(String userId, List<MapEvent> events) {
        ObjectNode node = game.createObjectNode();
        node.put("userId", userId);
        node.set("changes", changes(events));
        return node;
    }

    private ArrayNode changes(List<MapEvent> events) {
        ArrayNode out = game.createArrayNode();
        for (MapEvent event : events) {
            ObjectNode change = out.addObject();
            change.put("type", GameJson.snakeCase(event.getClass().getSimpleName()));
            change.setAll((ObjectNode) game.valueToTree(event));
        }
        return out;
    }

    private List<MapEvent> readChanges(JsonNode array) {
        List<MapEvent> out = new ArrayList<>();
        for (JsonNode change : array) {
            Class<? extends MapEvent> cls = changes.get(change.path("type").asText());
            if (cls == null) {
                throw new IllegalArgumentException("not a map change: " + change.path("type").asText());
            }
            try {
                out.add(game.treeToValue(change, cls));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(cls.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
            }
        }
        return out;
    }
}
