package dev.hearth.server.realtime.ws;

import dev.hearth.server.realtime.outbox.Sink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Writes frames to a Jetty WebSocket session, one at a time, waiting for each (on the outbox's virtual thread). */
final class WebSocketSink implements Sink {

    /** A close frame stuck behind unread data cannot arrive: the TCP connection is cut after this. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Session session;

    WebSocketSink(Session session) {
        this.session = session;
    }

    @Override
    public void send(String frame) throws IOException {
        send(List.of(frame));
    }

    /**
     * Queues every frame with Jetty before waiting, so its frame flusher gathers them into as few
     * writes as the socket takes; then waits for all (they complete in order, and a failure fails the rest).
     */
    @Override
    public void send(List<String> frames) throws IOException {
        List<Callback.Completable> sent = new ArrayList<>(frames.size());
        for (String frame : frames) {
            Callback.Completable done = new Callback.Completable();
            session.sendText(frame, done);
            sent.add(done);
        }
        try {
            for (Callback.Completable done : sent) {
                done.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("send failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        session.close(code, reason.length() > 120 ? reason.substring(0, 120) : reason, Callback.NOOP);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(CLOSE_GRACE);
            } catch (InterruptedException e) {
                return;
            }
            if (session.isOpen()) {
                session.disconnect();
            }
        });
    }
}
