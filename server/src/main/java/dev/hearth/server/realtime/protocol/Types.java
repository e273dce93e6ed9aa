package dev.hearth.server.realtime.protocol;

/** The message types of the protocol that are not a stream's own commands or events (docs/protocol.md). */
public final class Types {

    private Types() {}

    // Client to server.
    public static final String HELLO = "hello";
    public static final String RESUME = "resume";
    public static final String AUTH = "auth";
    public static final String REQUEST = "request";

    // Server to client.
    public static final String WELCOME = "welcome";
    public static final String ACK = "ack";
    public static final String REPLY = "reply";
    public static final String ERROR = "error";
    public static final String AUTH_OK = "auth_ok";

    // Both ways.
    public static final String HEARTBEAT = "heartbeat";

    // Ephemeral: never stored, coalesced, dropped first under pressure.
    public static final String CURSOR_MOVE = "cursor_move";
    public static final String CURSOR_MOVES = "cursor_moves";
    public static final String PRESENCE_UPDATE = "presence_update";
    public static final String TYPING = "typing";
    public static final String DRAW_PREVIEW = "draw_preview";
    public static final String RULER = "ruler";
    public static final String PING = "ping";

    /** The client's own protocol messages, whatever the channel. */
    public static final java.util.Set<String> CLIENT = java.util.Set.of(HELLO, RESUME, AUTH, REQUEST, HEARTBEAT);
}
