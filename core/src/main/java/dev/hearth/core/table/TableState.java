package dev.hearth.core.table;

import dev.hearth.core.combat.Encounter;
import dev.hearth.core.stream.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table as of some point in its log: who is seated, the latest chat lines (older ones are paged
 * from the log) and the fight. Immutable; {@link Table#apply} returns a new one. Rolls are not kept:
 * the log is their record.
 *
 * @param seated members at the table, in the order they arrived
 * @param recentChat the last {@link #RECENT_CHAT} chat lines, oldest first
 * @param encounter the combat tracker's state ({@link Encounter#NONE} before any fight)
 */
public record TableState(Map<String, Caller> seated, List<ChatLine> recentChat, Encounter encounter) {

    public static final int RECENT_CHAT = 100;

    public static final TableState EMPTY = new TableState(Map.of(), List.of(), Encounter.NONE);

    public TableState {
        seated = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seated));
        recentChat = List.copyOf(recentChat);
        Objects.requireNonNull(encounter, "encounter");
    }

    /** A table with no fight yet. */
    public TableState(Map<String, Caller> seated, List<ChatLine> recentChat) {
        this(seated, recentChat, Encounter.NONE);
    }

    TableState withEncounter(Encounter next) {
        return new TableState(seated, recentChat, next);
    }

    TableState seat(Caller caller) {
        Map<String, Caller> next = new LinkedHashMap<>(seated);
        next.put(caller.userId(), caller);
        return new TableState(next, recentChat, encounter);
    }

    TableState unseat(String userId) {
        Map<String, Caller> next = new LinkedHashMap<>(seated);
        next.remove(userId);
        return new TableState(next, recentChat, encounter);
    }

    TableState withChat(ChatLine line) {
        List<ChatLine> next = new ArrayList<>(recentChat.size() + 1);
        next.addAll(recentChat.size() >= RECENT_CHAT ? recentChat.subList(1, recentChat.size()) : recentChat);
        next.add(line);
        return new TableState(seated, next, encounter);
    }
}
