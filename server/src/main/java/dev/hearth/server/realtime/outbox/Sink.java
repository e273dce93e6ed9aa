package dev.hearth.server.realtime.outbox;

import java.io.IOException;

/** Where an outbox writes: a WebSocket or an SSE response. Called from the outbox's one writer thread. */
public interface Sink {

    /** Writes one frame, blocking until the transport took it. */
    void send(String frame) throws IOException;

    /** Ends the connection, telling the client why (WebSocket close code; SSE ends the stream). */
    void close(int code, String reason);
}
