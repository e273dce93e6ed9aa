package dev.hearth.core.table;

import dev.hearth.core.access.Permission;
import java.util.Objects;
import java.util.Optional;

/** What may be asked of a game session's table. Each names the permission it needs. */
public sealed interface TableCommand {

    Permission permission();

    /**
     * Says something in the session chat.
     *
     * @param as for in-character lines and emotes, the name spoken as (a character, an NPC); empty
     *     for the sender's own name
     */
    record PostChat(String text, ChatKind kind, Audience to, Optional<String> as) implements TableCommand {
        public PostChat {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(as, "as");
        }

        @Override
        public Permission permission() {
            return kind == ChatKind.ANNOUNCEMENT ? Permission.ANNOUNCE : Permission.CHAT;
        }
    }

    /** The server records that a member sat down at the table (their first connection). */
    record Arrive() implements TableCommand {
        @Override
        public Permission permission() {
            return Permission.VIEW_CANVAS;
        }
    }

    /** The server records that a member left the table (their last connection is gone for a while). */
    record Leave() implements TableCommand {
        @Override
        public Permission permission() {
            return Permission.VIEW_CANVAS;
        }
    }
}
