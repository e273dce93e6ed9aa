package dev.hearth.app.config;

/** {@code auth.mode}: who may use this Hearth, and how they prove it. */
public enum AuthMode {
    /** Accounts register and log in; requests carry a bearer access token. */
    ACCOUNTS,
    /**
     * No login: every request is the one local user, GM of a default campaign. Allowed on a
     * loopback {@code server.host} only ({@link LoopbackHost}), since anyone who can connect is that GM.
     */
    LOCAL
}
