package dev.hearth.server.realtime.outbox;

import java.io.IOException;
import java.util.List;

/** Where an outbox writes: a WebSocket or an SSE response. Called from the outbox's one writer thread. */
public interface Sink {

    /** Writes one frame, blocking until the transport took it. */
    void send(String frame) throws IOException;

    /**
     * Writes frames in order, blocking until the transport took them all. A transport that can
     * gather writes overrides it; by default, one at a time.
     */
    default void send(List<String> frames) throws IOException {
        for (String frame : frames) {
            send(frame);
        }
    }

    /** Ends the connection, telling the client why (WebSocket close code; SSE ends the stream). */
    void close(int code, String reason);
}
