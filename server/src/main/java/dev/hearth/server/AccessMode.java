package dev.hearth.server;

import dev.hearth.server.local.LocalTable;
import java.util.Objects;

/** How requests are authenticated: by accounts and tokens, or as local mode's one user. */
public sealed interface AccessMode {

    /** Register, log in, and send a bearer access token. */
    record Accounts() implements AccessMode {}

    /** No login: every request is {@code table}'s user. Only ever served on loopback. */
    record Local(LocalTable table) implements AccessMode {
        public Local {
            Objects.requireNonNull(table, "table");
        }
    }
}
