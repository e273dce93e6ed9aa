package dev.hearth.core.table;

import dev.hearth.core.access.Role;
import java.util.Objects;
import java.util.Optional;

/** What happened at a game session's table, as the log records it. */
public sealed interface TableEvent {

    /** The user the event is about or by. */
    String userId();

    record ChatPosted(String userId, String displayName, ChatKind kind, String text, Audience to, Optional<String> as)
            implements TableEvent {
        public ChatPosted {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(as, "as");
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
