package dev.hearth.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real SSE client for the tests (the JDK's HTTP client, the body read line by line as it streams):
 * it parses events ({@code id:}, {@code event:}, {@code data:}, comments) and lets a test wait for the
 * next one matching a predicate, like {@link WsClient}.
 */
public final class SseClient implements AutoCloseable {

    /** One SSE event: {@code id} null when the event had no id line; {@code frame} is its data parsed. */
    public record Event(String id, String event, JsonNode frame) {}

    private final HttpClient http;
    private final List<String> raw = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Event> inbox = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpClient http, HttpResponse<Stream<String>> response) {
        this.http = http;
        this.response = response;
        Thread.ofVirtual().start(this::read);
    }

    /** Opens {@code path}; answers the response whatever its status (an error's body is then in {@link #body}). */
    public static SseClient open(int port, String path, String token, Map<String, String> headers) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            return new SseClient(http, http.send(b.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        }
    }

    public static SseClient open(int port, String path, String token) {
        return open(port, path, token, Map.of());
    }

    public int status() {
        return response.statusCode();
    }

    /** The whole body, once the server ended it: for a refused request, the error. */
    public JsonNode body() {
        awaitEnd();
        return parse(String.join("\n", raw));
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                raw.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        inbox.add(new Event(id, event == null ? "message" : event, parse(data.toString())));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // the stream was cut: ended below
        } finally {
            ended.complete(null);
        }
    }

    private static JsonNode parse(String data) {
        try {
            return WsClient.JSON.readTree(data);
        } catch (Exception e) {
            return WsClient.JSON.createObjectNode().put("type", "unparseable").put("text", data);
        }
    }

    /** The next event matching {@code match}, skipping (but keeping) the others. */
    public Event next(Predicate<Event> match) {
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (true) {
            Event e;
            try {
                e = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                throw new AssertionError(ex);
            }
            if (e == null) {
                List<Event> last;
                synchronized (seen) {
                    last = List.copyOf(seen.subList(Math.max(0, seen.size() - 5), seen.size()));
                }
                throw new AssertionError("no matching SSE event within " + WsClient.WAIT + "; ended=" + ended.isDone()
                        + "; last events: " + last);
            }
            synchronized (seen) {
                seen.add(e);
            }
            if (match.test(e)) {
                return e;
            }
        }
    }

    public Event nextOfType(String type) {
        return next(e -> e.event().equals(type));
    }

    /** Every event received so far, in order. */
    public List<Event> seenSoFar() {
        List<Event> out = new ArrayList<>();
        inbox.drainTo(out);
        synchronized (seen) {
            seen.addAll(out);
            return List.copyOf(seen);
        }
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Waits for the server to end the stream. */
    public void awaitEnd() {
        try {
            ended.get(WsClient.WAIT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream did not end within " + WsClient.WAIT.multipliedBy(2), e);
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
        http.close();
    }
}
