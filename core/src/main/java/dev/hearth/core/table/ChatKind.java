package dev.hearth.core.table;

import java.util.Locale;
import java.util.Optional;

/** How a chat line is meant: spoken in character, said at the table, acted out, or announced by a GM. */
public enum ChatKind {
    IN_CHARACTER("ic"),
    OUT_OF_CHARACTER("ooc"),
    EMOTE("emote"),
    /** From a GM to everyone, shown prominently and also sent to members' notifications. */
    ANNOUNCEMENT("announcement");

    private final String id;

    ChatKind(String id) {
        this.id = id;
    }

    /** The name on the wire. */
    public String id() {
        return id;
    }

    public static Optional<ChatKind> byId(String id) {
        for (ChatKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
