package dev.hearth.server.realtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.combat.Encounter;
import dev.hearth.core.combat.EncounterView;
import dev.hearth.core.dice.RollResult;
import dev.hearth.core.map.MapState;
import dev.hearth.core.map.MapView;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.stream.Domain;
import dev.hearth.core.table.Audience;
import dev.hearth.core.table.ChatKind;
import dev.hearth.core.table.ChatLine;
import dev.hearth.core.table.ChatRoll;
import dev.hearth.core.table.DiceMode;
import dev.hearth.core.table.TableCommand;
import dev.hearth.core.table.TableEvent;
import dev.hearth.core.table.TableState;
import dev.hearth.server.realtime.stream.CommandFormatException;
import dev.hearth.server.realtime.stream.FollowUp;
import dev.hearth.server.realtime.stream.StreamCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A game session's table on the wire and in the log (docs/protocol.md, "Table"). */
public final class TableCodec implements StreamCodec<TableState, TableCommand, TableEvent> {

    public static final String CHAT_POST = "chat.post";
    public static final String CHAT_POSTED = "chat.posted";
    public static final String MEMBER_ARRIVED = "member.arrived";
    public static final String MEMBER_LEFT = "member.left";
    public static final String DICE_ROLL = "dice.roll";
    public static final String DICE_ROLLED = "dice.rolled";
    public static final String DICE_HIDDEN = "dice.hidden";
    public static final String MAP_CHANGED = MapCodec.CHANGED;

    private final ObjectMapper json;
    private final CombatCodec combat;
    private final MapCodec map;
    private final Set<String> commandTypes;

    public TableCodec(ObjectMapper json, CombatCodec combat, MapCodec map) {
        this.json = json;
        this.combat = combat;
        this.map = map;
        Set<String> types = new java.util.LinkedHashSet<>(List.of(CHAT_POST, DICE_ROLL));
        types.addAll(combat.commandTypes());
        types.addAll(map.commandTypes());
        this.commandTypes = java.util.Collections.unmodifiableSet(types);
    }

    public CombatCodec combat() {
        return combat;
    }

    public MapCodec map() {
        return map;
    }

    @Override
    public String eventType(TableEvent event) {
        return switch (event) {
            case TableEvent.ChatPosted p -> CHAT_POSTED;
            case TableEvent.MemberArrived a -> MEMBER_ARRIVED;
            case TableEvent.MemberLeft l -> MEMBER_LEFT;
            case TableEvent.DiceRolled r -> DICE_ROLLED;
            case TableEvent.DiceHidden h -> DICE_HIDDEN;
            case TableEvent.CombatHappened c -> combat.eventType(c.event());
            case TableEvent.MapHappened m -> MAP_CHANGED;
        };
    }

    @Override
    public ObjectNode eventPayload(TableEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("userId", event.userId());
        switch (event) {
            case TableEvent.ChatPosted p -> {
                node.put("displayName", p.displayName());
                node.put("kind", p.kind().id());
                node.put("text", p.text());
                node.set("to", audience(p.to()));
                p.as().ifPresent(as -> node.put("as", as));
                ArrayNode rolls = node.putArray("rolls");
                for (ChatRoll roll : p.rolls()) {
                    ObjectNode r = rolls.addObject().put("start", roll.start()).put("end", roll.end())
                            .put("notation", roll.notation());
                    r.set("result", combat.payload(roll.result()));
                    r.put("text", roll.result().text());
                }
            }
            case TableEvent.DiceRolled r -> {
                node.put("displayName", r.displayName());
                node.put("mode", r.mode().id());
                node.put("expression", r.expression());
                if (!r.result().label().isEmpty()) {
                    node.put("label", r.result().label());
                }
                node.set("result", combat.payload(r.result()));
                node.put("text", r.result().text());
            }
            case TableEvent.DiceHidden h -> {
                node.put("displayName", h.displayName());
                node.put("mode", DiceMode.BLIND.id());
                node.put("expression", h.expression());
            }
            case TableEvent.CombatHappened c -> node.setAll(combat.payload(c.event()));
            case TableEvent.MapHappened m -> node.setAll(map.payload(m));
            case TableEvent.MemberArrived a -> {
                node.put("displayName", a.displayName());
                node.put("role", a.role().id());
            }
            case TableEvent.MemberLeft l -> node.put("displayName", l.displayName());
        }
        return node;
    }

    /** Players and spectators receive a map event as translated for them when it was recorded. */
    @Override
    public Optional<ObjectNode> eventPayload(TableEvent event, Role role) {
        return event instanceof TableEvent.MapHappened m && role != Role.GM ? map.othersPayload(m) : Optional.empty();
    }

    /** The wire payload and, for combat, the visibility recorded with the event; for the map, both audiences' changes. */
    @Override
    public ObjectNode logPayload(TableEvent event) {
        if (event instanceof TableEvent.MapHappened m) {
            return map.logPayload(m);
        }
        ObjectNode node = eventPayload(event);
        if (event instanceof TableEvent.CombatHappened c) {
            node.set("visibility", combat.visibility(c.visibility()));
        }
        return node;
    }

    @Override
    public TableEvent decodeEvent(String type, JsonNode p) {
        if (combat.isEvent(type)) {
            return new TableEvent.CombatHappened(p.path("userId").asText(), combat.decodeEvent(type, p),
                    combat.readVisibility(p.path("visibility")));
        }
        return switch (type) {
            case MAP_CHANGED -> map.decodeEvent(p);
            case CHAT_POSTED -> new TableEvent.ChatPosted(p.path("userId").asText(), p.path("displayName").asText(),
                    ChatKind.byId(p.path("kind").asText()).orElseThrow(), p.path("text").asText(),
                    readAudience(p.get("to")), Fields.optionalText(p, "as"), readRolls(p.path("rolls")));
            case DICE_ROLLED -> new TableEvent.DiceRolled(p.path("userId").asText(), p.path("displayName").asText(),
                    DiceMode.byId(p.path("mode").asText()).orElseThrow(), p.path("expression").asText(),
                    result(p.path("result")));
            case DICE_HIDDEN -> new TableEvent.DiceHidden(p.path("userId").asText(), p.path("displayName").asText(),
                    p.path("expression").asText());
            case MEMBER_ARRIVED -> new TableEvent.MemberArrived(p.path("userId").asText(),
                    p.path("displayName").asText(), Role.byId(p.path("role").asText()).orElseThrow());
            case MEMBER_LEFT -> new TableEvent.MemberLeft(p.path("userId").asText(), p.path("displayName").asText());
            default -> throw new IllegalArgumentException("not a table event: " + type);
        };
    }

    private RollResult result(JsonNode node) {
        try {
            return combat.game().treeToValue(node, RollResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ChatRoll> readRolls(JsonNode rolls) {
        List<ChatRoll> out = new ArrayList<>();
        for (JsonNode r : rolls) {
            out.add(new ChatRoll(r.path("start").asInt(), r.path("end").asInt(), r.path("notation").asText(),
                    result(r.path("result"))));
        }
        return out;
    }

    @Override
    public Set<String> commandTypes() {
        return commandTypes;
    }

    @Override
    public TableCommand decodeCommand(String type, JsonNode p) {
        if (combat.commandTypes().contains(type)) {
            return new TableCommand.Combat(combat.decodeCommand(type, p));
        }
        if (map.commandTypes().contains(type)) {
            return new TableCommand.Map(map.decodeCommand(type, p));
        }
        if (DICE_ROLL.equals(type)) {
            String mode = Fields.optionalText(p, "mode").orElse(DiceMode.PUBLIC.id());
            return new TableCommand.RollDice(Fields.text(p, "expression"), DiceMode.byId(mode).orElseThrow(() ->
                    new CommandFormatException("mode", "'mode' is one of public, gm, blind, self.")));
        }
        if (!CHAT_POST.equals(type)) {
            throw new CommandFormatException("type", "A table takes chat.post, dice.roll, combat.* and map.*, not " + type + ".");
        }
        String kindId = Fields.optionalText(p, "kind").orElse(ChatKind.OUT_OF_CHARACTER.id());
        ChatKind kind = ChatKind.byId(kindId).orElseThrow(() -> new CommandFormatException("kind",
                "'kind' is one of ic, ooc, emote, announcement."));
        return new TableCommand.PostChat(Fields.text(p, "text"), kind, readAudience(p.get("to")), Fields.optionalText(p, "as"));
    }

    /** {@code "table"} (or absent), {@code "gms"}, or an array of user ids (a whisper). */
    private JsonNode audience(Audience audience) {
        return switch (audience) {
            case Audience.Table t -> json.getNodeFactory().textNode("table");
            case Audience.Gms g -> json.getNodeFactory().textNode("gms");
            case Audience.Whisper w -> {
                ArrayNode ids = json.createArrayNode();
                w.userIds().stream().sorted().forEach(ids::add);
                yield ids;
            }
        };
    }

    private static Audience readAudience(JsonNode to) {
        if (to == null || to.isNull() || (to.isTextual() && to.asText().equals("table"))) {
            return Audience.TABLE;
        }
        if (to.isTextual() && to.asText().equals("gms")) {
            return Audience.GMS;
        }
        if (to.isArray()) {
            Set<String> ids = new HashSet<>();
            for (JsonNode id : to) {
                if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 64) {
                    throw new CommandFormatException("to", "A whisper's 'to' lists user ids (strings).");
                }
                ids.add(id.asText());
            }
            return new Audience.Whisper(ids);
        }
        throw new CommandFormatException("to", "'to' is \"table\", \"gms\", or an array of user ids.");
    }

    @Override
    public byte[] encodeState(TableState state) {
        ObjectNode node = json.createObjectNode();
        ArrayNode seated = node.putArray("seated");
        state.seated().values().forEach(c -> seated.add(caller(c)));
        ArrayNode chat = node.putArray("chat");
        for (ChatLine line : state.recentChat()) {
            chat.addObject().put("seq", line.seq()).set("e", eventPayload(line.posted()));
        }
        node.set("encounter", combat.encounter(state.encounter()));
        node.set("map", map.state(state.map()));
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TableState decodeState(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            Map<String, Caller> seated = new LinkedHashMap<>();
            for (JsonNode c : node.path("seated")) {
                seated.put(c.path("userId").asText(), new Caller(c.path("userId").asText(),
                        c.path("displayName").asText(), Role.byId(c.path("role").asText()).orElseThrow()));
            }
            List<ChatLine> chat = new ArrayList<>();
            for (JsonNode line : node.path("chat")) {
                chat.add(new ChatLine(line.path("seq").asLong(),
                        (TableEvent.ChatPosted) decodeEvent(CHAT_POSTED, line.path("e"))));
            }
            Encounter encounter = node.hasNonNull("encounter") ? combat.readEncounter(node.get("encounter"))
                    : Encounter.NONE;
            MapState mapState = node.hasNonNull("map") ? map.readState(node.get("map")) : MapState.EMPTY;
            return new TableState(seated, chat, encounter, mapState);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Who is seated and the map as the viewer may see it; the chat comes with the welcome as events,
     * with their timestamps. A resumed client keeps its map and folds the events it missed.
     */
    @Override
    public ObjectNode view(TableState state, Caller viewer, Domain<TableState, TableCommand, TableEvent> domain) {
        ObjectNode node = json.createObjectNode();
        ArrayNode seated = node.putArray("seated");
        state.seated().values().forEach(c -> seated.add(caller(c)));
        node.set("map", mapView(state, viewer));
        return node;
    }

    /** The map as this viewer may see it ({@link MapView#of}). */
    public JsonNode mapView(TableState state, Caller viewer) {
        return map.view(MapView.of(state.map(), viewer.userId(), viewer.role()));
    }

    /** Every welcome, resumed or not: the encounter as this member may see it. */
    @Override
    public Optional<ObjectNode> welcomeExtras(TableState state, Caller viewer) {
        ObjectNode node = json.createObjectNode();
        node.set("encounter", encounterView(state, viewer));
        return Optional.of(node);
    }

    public JsonNode encounterView(TableState state, Caller viewer) {
        return combat.view(EncounterView.of(state.encounter(), viewer.userId(), viewer.role()));
    }

    /** After a combat command: each member's own view, {@code {encounter, seq}}. */
    @Override
    public Optional<FollowUp<TableState>> followUp(List<TableEvent> events) {
        if (events.stream().noneMatch(e -> e instanceof TableEvent.CombatHappened)) {
            return Optional.empty();
        }
        return Optional.of(new FollowUp<>(CombatCodec.VIEW, (state, viewer, seq) -> {
            ObjectNode payload = json.createObjectNode();
            payload.set("encounter", encounterView(state, viewer));
            payload.put("seq", seq);
            return payload;
        }));
    }

    private ObjectNode caller(Caller c) {
        return json.createObjectNode().put("userId", c.userId()).put("displayName", c.displayName())
                .put("role", c.role().id());
    }

}
