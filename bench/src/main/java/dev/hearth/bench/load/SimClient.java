package dev.hearth.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One simulated device at a table, over a real WebSocket (the JDK's client): it connects, says
 * hello, sends chat lines and cursor moves, and reads everything the table sends, recording
 * command→ack latency for its own commands and command→delivery latency for everyone's. It keeps
 * the highest {@code seq} it saw and counts every event that arrives twice or is skipped, so a run
 * can prove that nothing acknowledged was lost or duplicated, across drops and resumes too.
 */
final class SimClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    final int index;
    final Seat seat;
    /** Makes message ids unique per stream and user across scenarios: the server remembers ids (docs/protocol.md). */
    private final String idPrefix;
    private final String device;
    private final Target target;
    private final Meters meters;
    private final long origin;
    private final HttpClient http;

    /** Commands sent and not yet acknowledged, by message id: resent as they were after a drop. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();

    private volatile WebSocket socket;
    private volatile boolean up;
    private volatile boolean leaving;
    private volatile CompletableFuture<Boolean> welcomed;
    // Written only by the current connection's listener, which the JDK calls one frame at a time.
    private volatile String epoch;
    private volatile long lastSeq = -1;

    private record Pending(String frame, long intendedNanos) {}

    SimClient(int index, Seat seat, String device, String runTag, Target target, Meters meters, long origin,
            HttpClient http) {
        this.index = index;
        this.idPrefix = runTag + device;
        this.seat = seat;
        this.device = device;
        this.target = target;
        this.meters = meters;
        this.origin = origin;
        this.http = http;
    }

    boolean up() {
        return up;
    }

    long lastSeq() {
        return lastSeq;
    }

    int unacknowledged() {
        return pending.size();
    }

    /** Opens the connection (resuming from the last {@code seq} seen, if any) and waits for the welcome. */
    boolean connect() {
        long started = System.nanoTime();
        long gen = generation.incrementAndGet();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        welcomed = ready;
        try {
            WebSocket ws = http.newWebSocketBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(target.socket(seat), new Listener(gen))
                    .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            socket = ws;
            Optional<String> hello = target.hello(seat, device, epoch, lastSeq);
            if (hello.isEmpty()) {
                ready.complete(true);
            } else {
                send(hello.get());
            }
            if (!ready.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                meters.connectFailures.increment();
                ws.abort();
                return false;
            }
            up = true;
            Meters.record(meters.connect, System.nanoTime() - started);
            meters.connected.increment();
            return true;
        } catch (Exception e) {
            meters.connectFailures.increment();
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
            return false;
        }
    }

    /** Sends a chat line to the table, meant to go at {@code intendedNanos}; latency counts from then. */
    void chat(long intendedNanos) {
        long n = numbers.incrementAndGet();
        String id = idPrefix + "m" + n;
        String text = new ChatMarker(index, n, (intendedNanos - origin) / 1000).text();
        String frame = "{\"id\":\"" + id + "\",\"type\":\"chat.post\",\"payload\":{\"text\":\"" + text + "\"}}";
        pending.put(id, new Pending(frame, intendedNanos));
        meters.commandsSent.increment();
        if (!send(frame)) {
            meters.skippedWhileAway.increment();
        }
    }

    /** Rolls {@code 1d20+5} in public, the marker as the roll's label, meant to go at {@code intendedNanos}. */
    void roll(long intendedNanos) {
        long n = numbers.incrementAndGet();
        String id = idPrefix + "m" + n;
        String label = new ChatMarker(index, n, (intendedNanos - origin) / 1000).label();
        String frame = "{\"id\":\"" + id + "\",\"type\":\"dice.roll\",\"payload\":{\"expression\":\"1d20+5 # " + label
                + "\"}}";
        pending.put(id, new Pending(frame, intendedNanos));
        meters.commandsSent.increment();
        if (!send(frame)) {
            meters.skippedWhileAway.increment();
        }
    }

    /** Moves this device's pointer; x carries the intended send time, y the client. */
    void cursor(long intendedNanos) {
        long micros = (intendedNanos - origin) / 1000;
        meters.cursorsSent.increment();
        send("{\"id\":\"c" + numbers.incrementAndGet() + "\",\"type\":\"cursor_move\",\"payload\":{\"x\":" + micros
                + ",\"y\":" + index + "}}");
    }

    void heartbeat() {
        if (target.durable()) {
            send("{\"id\":\"hb" + numbers.incrementAndGet() + "\",\"type\":\"heartbeat\"}");
        }
    }

    /** Cuts the TCP connection without a close frame, as a lost network does. */
    void drop() {
        up = false;
        generation.incrementAndGet();
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Reconnects after a drop, resumes, and resends what was never acknowledged, with the same ids. */
    boolean resume() {
        meters.reconnects.increment();
        if (!connect()) {
            return false;
        }
        pending.values().forEach(p -> send(p.frame()));
        return true;
    }

    void leave() {
        leaving = true;
        up = false;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private boolean send(String frame) {
        WebSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            return false;
        }
        sending.lock();
        try {
            ws.sendText(frame, true).get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            sending.unlock();
        }
    }

    private void onFrame(String frame) {
        long now = System.nanoTime();
        meters.framesIn.increment();
        meters.bytesIn.add(frame.length());
        switch (Inbound.read(frame, origin)) {
            case Inbound.Chat chat -> {
                meters.deliveries.increment();
                Meters.record(meters.delivery, now - chat.sentNanos());
                if (chat.seq() >= 0) {
                    sequence(chat.seq());
                } else if (chat.client() == index) {
                    acknowledged(idPrefix + "m" + chat.number(), now);
                }
            }
            case Inbound.Event event -> sequence(event.seq());
            case Inbound.Ack ack -> {
                if (ack.re() != null) {
                    acknowledged(ack.re(), now);
                }
            }
            case Inbound.Cursors cursors -> {
                for (long sent : cursors.sentNanos()) {
                    meters.cursorDeliveries.increment();
                    Meters.record(meters.cursor, now - sent);
                }
            }
            case Inbound.Welcome welcome -> welcome(welcome.frame());
            case Inbound.Error error -> {
                meters.error(error.code() == null ? "unknown" : error.code());
                CompletableFuture<Boolean> w = welcomed;
                if (w != null && !w.isDone()) {
                    w.complete(false);
                } else if (error.retryAfterMillis() > 0 && error.re() != null && pending.containsKey(error.re())) {
                    retryLater(error.re(), error.retryAfterMillis());
                }
            }
            case Inbound.Other other -> {}
        }
    }

    /** Resends a command the server asked to have again later (overloaded, rate-limited), as a real client does. */
    private void retryLater(String id, long millis) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            Pending p = pending.get(id);
            if (p != null && up && !leaving) {
                meters.retries.increment();
                send(p.frame());
            }
        });
    }

    /**
     * After a close the client did not ask for (a slow-consumer cut, a failed resume), it reconnects
     * with backoff and resumes, as Hearth's own client does; the close still counts as an error.
     */
    void reconnectLater() {
        Thread.ofVirtual().start(() -> {
            for (int attempt = 0; attempt < 8 && !leaving && !up; attempt++) {
                try {
                    Thread.sleep(Math.min(5_000, 250L << attempt));
                } catch (InterruptedException e) {
                    return;
                }
                if (!leaving && !up && resume()) {
                    return;
                }
            }
        });
    }

    private void acknowledged(String id, long now) {
        Pending p = pending.remove(id);
        if (p != null) {
            meters.acks.increment();
            Meters.record(meters.ack, now - p.intendedNanos());
        }
    }

    /** Every event is visible to everyone at a bench table, so any skipped number was lost. */
    private void sequence(long seq) {
        long last = lastSeq;
        if (seq <= last) {
            meters.duplicates.increment();
            return;
        }
        if (last >= 0 && seq > last + 1) {
            meters.gaps.add(seq - last - 1);
        }
        lastSeq = seq;
    }

    private void welcome(String frame) {
        try {
            JsonNode payload = JSON.readTree(frame).path("payload");
            boolean resumed = payload.path("resumed").asBoolean(false);
            if (lastSeq >= 0 && !resumed) {
                meters.resumesRefused.increment();
            }
            epoch = payload.path("position").path("epoch").asText(null);
            if (!resumed) {
                lastSeq = payload.path("position").path("seq").asLong();
            }
            welcomed.complete(true);
        } catch (Exception e) {
            welcomed.complete(false);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else if (gen == generation.get()) {
                String frame = partial.isEmpty() ? data.toString() : partial.append(data).toString();
                partial.setLength(0);
                onFrame(frame);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed("close " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed("error");
        }

        private void closed(String how) {
            if (gen != generation.get()) {
                return;
            }
            up = false;
            CompletableFuture<Boolean> w = welcomed;
            if (w != null && !w.isDone()) {
                w.complete(false);
            } else if (!leaving) {
                meters.unexpectedCloses.increment();
                meters.error(how);
                if (target.durable()) {
                    reconnectLater();
                }
            }
        }
    }
}
