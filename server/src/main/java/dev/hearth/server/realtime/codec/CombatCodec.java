package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.combat.CombatCommand;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.combat.Encounter;
import dev.hearth.core.combat.EncounterView;
import dev.hearth.core.stream.Visibility;
import dev.hearth.server.realtime.stream.CommandFormatException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Combat on the wire and in the log: one message type per record, {@code combat.} + its name in
 * snake_case ({@code combat.next_turn}, {@code combat.turn_started}), the payload its components
 * by {@link GameJson}'s rules. The types are read off the sealed interfaces, so a record added in
 * core is on the wire with no change here.
 */
public final class CombatCodec {

    public static final String PREFIX = "combat.";
    /** The frame after each committed combat command, and the request, carrying the encounter's view. */
    public static final String VIEW = "combat.view";

    private final ObjectMapper game;
    private final Map<String, Class<? extends CombatCommand>> commands = new LinkedHashMap<>();
    private final Map<String, Class<? extends CombatEvent>> events = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public CombatCodec(ObjectMapper game) {
        this.game = game;
        for (Class<?> type : GameJson.records(CombatCommand.class)) {
            commands.put(typeOf(type), (Class<? extends CombatCommand>) type);
        }
        for (Class<?> type : GameJson.records(CombatEvent.class)) {
            events.put(typeOf(type), (Class<? extends CombatEvent>) type);
        }
    }

    static String typeOf(Class<?> record) {
        return PREFIX + GameJson.snakeCase(record.getSimpleName());
    }

    public ObjectMapper game() {
        return game;
    }

    public Set<String> commandTypes() {
        return Collections.unmodifiableSet(commands.keySet());
    }

    public Set<String> eventTypes() {
        return Collections.unmodifiableSet(events.keySet());
    }

    public String eventType(CombatEvent event) {
        return typeOf(event.getClass());
    }

    public String commandType(CombatCommand command) {
        return typeOf(command.getClass());
    }

    /** The record's components, by name. */
    public ObjectNode payload(Object record) {
        return game.valueToTree(record);
    }

    public boolean isEvent(String type) {
        return events.containsKey(type);
    }

    public CombatEvent decodeEvent(String type, JsonNode payload) {
        Class<? extends CombatEvent> cls = events.get(type);
        if (cls == null) {
            throw new IllegalArgumentException("not a combat event: " + type);
        }
        try {
            return game.treeToValue(payload, cls);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** The command a message stands for; a field that does not fit is named in the refusal. */
    public CombatCommand decodeCommand(String type, JsonNode payload) {
        Class<? extends CombatCommand> cls = commands.get(type);
        if (cls == null) {
            throw new CommandFormatException("type", "Not a combat command: " + type + ".");
        }
        try {
            return game.treeToValue(payload, cls);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refusal(e);
        }
    }

    /** Names the first field on the path of the failure (or, for a missing one, the field the record asked for). */
    private static CommandFormatException refusal(Exception e) {
        String field = "payload";
        String reason = "it is not valid";
        if (e instanceof JsonMappingException m) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (!path.isEmpty()) {
                field = path.toString();
            }
            java.util.regex.Matcher missing = java.util.regex.Pattern.compile("creator property '(\\w+)'")
                    .matcher(String.valueOf(m.getOriginalMessage()));
            if (missing.find()) {
                String name = missing.group(1);
                String at = path.toString();
                field = at.isEmpty() ? name : at.equals(name) || at.endsWith("." + name) ? at : at + "." + name;
                reason = "it is required";
            } else if (m instanceof ValueInstantiationException v && v.getCause() != null) {
                Throwable cause = v.getCause();
                if (cause instanceof NullPointerException && cause.getMessage() != null
                        && cause.getMessage().matches("[A-Za-z]+")) {
                    field = cause.getMessage();
                    reason = "it is required";
                } else {
                    reason = cause.getMessage() == null ? reason : cause.getMessage();
                }
            } else if (m instanceof InvalidFormatException f && f.getOriginalMessage() != null
                    && f.getOriginalMessage().contains("one of ")) {
                reason = "it must be " + f.getOriginalMessage().substring(f.getOriginalMessage().indexOf("one of "));
            } else if (m instanceof InvalidTypeIdException) {
                field = field.equals("payload") ? "kind" : field + ".kind";
                reason = "its 'kind' is missing or unknown";
            } else {
                reason = "it has the wrong type or is missing";
            }
        }
        return new CommandFormatException(field, "'" + field + "' is not valid: " + reason + ".");
    }

    // ---------------------------------------------------------------- state and views

    public JsonNode encounter(Encounter encounter) {
        return game.valueToTree(encounter);
    }

    public Encounter readEncounter(JsonNode node) {
        try {
            return game.treeToValue(node, Encounter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the encounter is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public JsonNode view(EncounterView view) {
        return game.valueToTree(view);
    }

    // ---------------------------------------------------------------- visibility, as the log keeps it

    /** {@code {kind: "everyone"}}, {@code {kind: "users", userIds}} or {@code {kind: "gms_and", userIds}}. */
    public ObjectNode visibility(Visibility visibility) {
        ObjectNode node = game.createObjectNode();
        switch (visibility) {
            case Visibility.Everyone e -> node.put("kind", "everyone");
            case Visibility.Users u -> ids(node.put("kind", "users"), u.userIds());
            case Visibility.GmsAnd g -> ids(node.put("kind", "gms_and"), g.userIds());
        }
        return node;
    }

    /** What the log kept; anything unreadable is the GMs' only, so a damaged record never leaks. */
    public Visibility readVisibility(JsonNode node) {
        Set<String> ids = new HashSet<>();
        node.path("userIds").forEach(id -> ids.add(id.asText()));
        return switch (node.path("kind").asText()) {
            case "everyone" -> Visibility.EVERYONE;
            case "users" -> new Visibility.Users(ids);
            case "gms_and" -> new Visibility.GmsAnd(ids);
            default -> new Visibility.GmsAnd(Set.of());
        };
    }

    private static void ids(ObjectNode node, Set<String> userIds) {
        ArrayNode array = node.putArray("userIds");
        userIds.stream().sorted().forEach(array::add);
    }
}
