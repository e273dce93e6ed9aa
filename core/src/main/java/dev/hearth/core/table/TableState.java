package dev.hearth.core.table;

import dev.hearth.core.combat.Encounter;
import dev.hearth.core.map.MapState;
import dev.hearth.core.stream.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table as of some point in its log: who is seated, the latest chat lines (older ones are paged
 * from the log), the fight and the map. Immutable; {@link Table#apply} returns a new one. Rolls are not kept:
 * the log is their record.
 *
 * @param seated members at the table, in the order they arrived
 * @param recentChat the last {@link #RECENT_CHAT} chat lines, oldest first
 * @param encounter the combat tracker's state ({@link Encounter#NONE} before any fight)
 * @param map the shared map: scenes, tokens, drawings, fog
 */
public record TableState(Map<String, Caller> seated, List<ChatLine> recentChat, Encounter encounter, MapState map) {

    public static final int RECENT_CHAT = 100;

    public static final TableState EMPTY = new TableState(Map.of(), List.of(), Encounter.NONE, MapState.EMPTY);

    public TableState {
        seated = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seated));
        recentChat = List.copyOf(recentChat);
        Objects.requireNonNull(encounter, "encounter");
        Objects.requireNonNull(map, "map");
    }

    /** A table with no fight and no map yet. */
    public TableState(Map<String, Caller> seated, List<ChatLine> recentChat) {
        this(seated, recentChat, Encounter.NONE, MapState.EMPTY);
    }

    TableState withEncounter(Encounter next) {
        return new TableState(seated, recentChat, next, map);
    }

    TableState withMap(MapState next) {
        return new TableState(seated, recentChat, encounter, next);
    }

    TableState seat(Caller caller) {
        Map<String, Caller> next = new LinkedHashMap<>(seated);
        next.put(caller.userId(), caller);
        return new TableState(next, recentChat, encounter, map);
    }

    TableState unseat(String userId) {
        Map<String, Caller> next = new LinkedHashMap<>(seated);
        next.remove(userId);
        return new TableState(next, recentChat, encounter, map);
    }

    TableState withChat(ChatLine line) {
        List<ChatLine> next = new ArrayList<>(recentChat.size() + 1);
        next.addAll(recentChat.size() >= RECENT_CHAT ? recentChat.subList(1, recentChat.size()) : recentChat);
        next.add(line);
        return new TableState(seated, next, encounter, map);
    }
}
