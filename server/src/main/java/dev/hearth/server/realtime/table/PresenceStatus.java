package dev.hearth.server.realtime.table;

import java.util.Optional;

/** What a device says its user is doing: at the keyboard, idle for a while, or away. */
public enum PresenceStatus {
    ACTIVE("active"), IDLE("idle"), AWAY("away");

    private final String id;

    PresenceStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PresenceStatus> byId(String id) {
        for (PresenceStatus s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
