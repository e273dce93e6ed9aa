package dev.hearth.core.inbox;

import java.util.Optional;

/** What a notification is about; the client picks an icon and a sound by it. */
public enum NotificationKind {
    /** Someone whispered to the user at a table. */
    WHISPER("whisper"),
    /** A GM announced something at a table of the user's campaign. */
    ANNOUNCEMENT("announcement"),
    /** The system channel: maintenance, a restart. */
    SYSTEM("system"),
    /** A combatant the user owns starts its turn, or is next ("on deck"). */
    TURN("turn");

    private final String id;

    NotificationKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<NotificationKind> byId(String id) {
        for (NotificationKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
