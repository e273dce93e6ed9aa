package dev.hearth.core.system;

import java.util.Objects;

public sealed interface SystemCommand {

    /** An administrator tells every connected user something (maintenance, a restart). */
    record Announce(String text, Level level) implements SystemCommand {
        public Announce {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(level, "level");
        }
    }

    enum Level {
        INFO, WARNING;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
