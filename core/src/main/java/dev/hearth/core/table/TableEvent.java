package dev.hearth.core.table;

import dev.hearth.core.access.Role;
import dev.hearth.core.combat.CombatEvent;
import dev.hearth.core.dice.RollResult;
import dev.hearth.core.map.MapEvent;
import dev.hearth.core.stream.Visibility;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What happened at a game session's table, as the log records it. */
public sealed interface TableEvent {

    /** The user the event is about or by. */
    String userId();

    /** @param rolls the inline rolls of the text ({@code [[...]]} spans), rolled when it was posted */
    record ChatPosted(String userId, String displayName, ChatKind kind, String text, Audience to, Optional<String> as,
            List<ChatRoll> rolls) implements TableEvent {
        public ChatPosted {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(as, "as");
            rolls = List.copyOf(rolls);
        }

        /** A line without inline rolls. */
        public ChatPosted(String userId, String displayName, ChatKind kind, String text, Audience to,
                Optional<String> as) {
            this(userId, displayName, kind, text, to, as, List.of());
        }
    }

    /**
     * A roll, as drawn on the server when it was decided: replay reads it, never rolls again.
     *
     * @param expression the notation as the roller wrote it
     */
    record DiceRolled(String userId, String displayName, DiceMode mode, String expression, RollResult result)
            implements TableEvent {
        public DiceRolled {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(result, "result");
        }
    }

    /** For the roller of a blind roll: that it happened, without any of its result. */
    record DiceHidden(String userId, String displayName, String expression) implements TableEvent {
        public DiceHidden {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * Something happened in the fight.
     *
     * @param userId who sent the command that caused it
     * @param visibility who may receive it, decided when it was recorded from the encounter just
     *     before it ({@link dev.hearth.core.combat.CombatVisibility}) and kept with it: replay never
     *     recomputes it, so a later change of rules cannot reveal an old secret
     */
    record CombatHappened(String userId, CombatEvent event, Visibility visibility) implements TableEvent {
        public CombatHappened {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(visibility, "visibility");
        }
    }

    /**
     * Something happened on the shared map.
     *
     * @param userId who sent the command that caused it
     * @param forGms what GMs receive of it: the event, and for an undo, a redo or a clear, the
     *     drawings it showed and hid ({@link dev.hearth.core.map.MapVisibility})
     * @param forOthers what players and spectators receive instead, possibly nothing: decided when it
     *     was recorded, from the map just before and after it, and kept with it, so replay never
     *     recomputes what a player was shown
     */
    record MapHappened(String userId, MapEvent event, List<MapEvent> forGms, List<MapEvent> forOthers)
            implements TableEvent {
        public MapHappened {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(event, "event");
            forGms = List.copyOf(forGms);
            forOthers = List.copyOf(forOthers);
        }

        /** What a member with this role receives of it. */
        public List<MapEvent> seenBy(Role role) {
            return role == Role.GM ? forGms : forOthers;
        }
    }

    record MemberArrived(String userId, String displayName, Role role) implements TableEvent {
        public MemberArrived {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(role, "role");
        }
    }

    record MemberLeft(String userId, String displayName) implements TableEvent {
        public MemberLeft {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
        }
    }
}
