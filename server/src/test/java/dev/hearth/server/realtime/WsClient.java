package dev.hearth.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real WebSocket client for the tests (the JDK's), that keeps every frame it receives and lets a
 * test wait for the next one matching a predicate.
 */
public final class WsClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String prefix = "c" + Long.toString(System.nanoTime(), 36) + "-";
    private volatile String closeReason = "";
    private final WebSocket socket;

    private WsClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects to {@code path} ({@code /ws/session/ID}) on the server at {@code port}. */
    public static WsClient connect(int port, String path) {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + path), Map.of());
    }

    public static WsClient connect(int port, String path, Map<String, String> headers) {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + path), headers);
    }

    /** Connects and says hello with the token (null for local mode); returns after the welcome. */
    public static WsClient join(int port, String path, String token) {
        WsClient c = connect(port, path);
        c.hello(token, null);
        return c;
    }

    public JsonNode hello(String token, ObjectNode resume) {
        ObjectNode p = JSON.createObjectNode();
        if (token != null) {
            p.put("token", token);
        }
        if (resume != null) {
            p.set("resume", resume);
        }
        send("hello", p);
        return next(m -> m.path("type").asText().equals("welcome") || m.path("type").asText().equals("error"));
    }

    /** Sends a message with a fresh id; returns the id. */
    public String send(String type, ObjectNode payload) {
        String id = prefix + ids.incrementAndGet();
        sendWithId(id, type, payload);
        return id;
    }

    public void sendWithId(String id, String type, ObjectNode payload) {
        ObjectNode m = JSON.createObjectNode().put("id", id).put("type", type);
        m.set("payload", payload == null ? JSON.createObjectNode() : payload);
        sendRaw(m.toString());
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next frame matching {@code match}, skipping (but keeping in {@link #seen}) the others. */
    public JsonNode next(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode m;
            try {
                m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (m == null) {
                List<JsonNode> last;
                synchronized (seen) {
                    last = List.copyOf(seen.subList(Math.max(0, seen.size() - 5), seen.size()));
                }
                throw new AssertionError("no matching frame within " + WAIT + "; closed=" + closed.isDone()
                        + " reason=" + closeReason + "; last frames: " + last);
            }
            synchronized (seen) {
                seen.add(m);
            }
            if (match.test(m)) {
                return m;
            }
        }
    }

    public JsonNode nextOfType(String type) {
        return next(m -> m.path("type").asText().equals(type));
    }

    /** The reply (ack, reply or error) to the message with this id. */
    public JsonNode replyTo(String id) {
        return next(m -> id.equals(m.path("re").asText()));
    }

    /** Sends a command and waits for its answer. */
    public JsonNode command(String type, ObjectNode payload) {
        return replyTo(send(type, payload));
    }

    /** Every frame received so far, in order, including those waiting. */
    public List<JsonNode> seenSoFar() {
        drain();
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Frames received so far without waiting, in order. */
    public List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        inbox.drainTo(out);
        synchronized (seen) {
            seen.addAll(out);
        }
        return out;
    }

    /** Waits for the server to close; answers the close code. */
    public int awaitClose() {
        try {
            return closed.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("not closed within " + WAIT.multipliedBy(2), e);
        }
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection without a close handshake (a network drop). */
    public void abort() {
        socket.abort();
        closed.complete(new int[] {1006});
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
        socket.abort();
        http.close();
    }

    public static ObjectNode payload(Object... keyValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    public static void assertError(JsonNode frame, String code) {
        assertThat(frame.path("type").asText()).as(frame.toString()).isEqualTo("error");
        assertThat(frame.path("payload").path("code").asText()).as(frame.toString()).isEqualTo(code);
        assertThat(frame.path("payload").path("message").asText()).isNotBlank();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    inbox.add(JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(new int[] {statusCode});
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new int[] {1006});
        }
    }
}
