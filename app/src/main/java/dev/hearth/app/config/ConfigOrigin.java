package dev.hearth.app.config;

import java.nio.file.Path;

/** Where a setting's value came from, so a message can say where to fix it. */
public sealed interface ConfigOrigin {

    /** For messages: "default", "file /etc/hearth.yaml", "environment variable HEARTH_SERVER_PORT", "flag --port". */
    String describe();

    /** Hearth's built-in default. */
    record Default() implements ConfigOrigin {
        @Override
        public String describe() {
            return "default";
        }
    }

    /** A key in the YAML configuration file. */
    record File(Path path) implements ConfigOrigin {
        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /** A {@code HEARTH_*} environment variable. */
    record Environment(String variable) implements ConfigOrigin {
        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }

    /** A command-line flag, e.g. {@code --port} or {@code --set db.schema}. */
    record Flag(String flag) implements ConfigOrigin {
        @Override
        public String describe() {
            return "flag " + flag;
        }
    }
}
