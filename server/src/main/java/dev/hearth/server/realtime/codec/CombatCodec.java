package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            throw GameJson.refusal(e);
        }
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
