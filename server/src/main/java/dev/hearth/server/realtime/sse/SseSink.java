package dev.hearth.server.realtime.sse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.server.realtime.outbox.Sink;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes frames to an SSE response as events ({@code id:} the seq of a durable event, {@code event:}
 * the frame's type, {@code data:} the frame), blocking on the outbox's virtual thread; and a comment
 * heartbeat, so proxies keep the stream and a listener that went away is noticed at the next write.
 * Writes are serialized: the heartbeat must not interleave with a frame on the one response.
 */
final class SseSink implements Sink {

    private final SseClient client;
    private final ObjectMapper json;
    private final ReentrantLock writing = new ReentrantLock();

    SseSink(SseClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public void send(String frame) throws IOException {
        FrameHead head = FrameHead.of(json.getFactory(), frame);
        writing.lock();
        try {
            if (client.terminated()) {
                throw new IOException("the SSE stream ended");
            }
            client.sendEvent(head.type(), frame, head.seq().isPresent() ? Long.toString(head.seq().getAsLong()) : null);
            if (client.terminated()) {
                throw new IOException("the SSE stream ended");
            }
        } finally {
            writing.unlock();
        }
    }

    /** An SSE stream has no close frame: the reason goes in a {@code close} event, then the response ends. */
    @Override
    public void close(int code, String reason) {
        writing.lock();
        try {
            if (!client.terminated()) {
                client.sendEvent("close", json.createObjectNode().put("code", code).put("reason", reason).toString(), null);
            }
        } finally {
            writing.unlock();
            client.close();
        }
    }

    /** Sends {@code : heartbeat} every {@code every} until the stream ends; skipped while a frame is being written. */
    void heartbeat(Duration every) {
        Thread.ofVirtual().name("hearth-sse-heartbeat").start(() -> {
            while (!client.terminated()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                if (writing.tryLock()) {
                    try {
                        if (!client.terminated()) {
                            client.sendComment("heartbeat");
                        }
                    } finally {
                        writing.unlock();
                    }
                }
            }
        });
    }
}
