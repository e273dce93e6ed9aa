package dev.hearth.server.realtime.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.core.access.Role;
import dev.hearth.core.stream.Caller;
import dev.hearth.core.table.TableCommand;
import dev.hearth.server.realtime.outbox.Ephemeral;
import dev.hearth.server.realtime.protocol.Frames;
import dev.hearth.server.realtime.protocol.Types;
import dev.hearth.server.realtime.stream.Subscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ephemeral side of one game session's table: who is here on which devices with what status,
 * cursors, typing and drawing previews. Nothing here is stored. Presence changes and coalesced
 * cursors go to every subscriber as ephemeral updates; a member's first device records their arrival
 * in the log, and their last device gone for {@link #LINGER} records their leaving (so a dropped
 * network that comes back in time is not a leave and a join).
 */
public final class Room {

    static final Duration LINGER = Duration.ofSeconds(15);

    private final Optional<String> sessionId;
    private final Frames frames;
    private final Supplier<List<Subscriber>> subscribers;
    private final Consumer<SeatChange> seating;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, ScheduledFuture<?>> leaving = new ConcurrentHashMap<>();
    private final CursorBoard cursors;

    /** A member's arrival or leave, to record in the table's log. */
    public record SeatChange(Caller caller, TableCommand command) {}

    public Room(String sessionId, Frames frames, Supplier<List<Subscriber>> subscribers, Consumer<SeatChange> seating,
            ScheduledExecutorService scheduler) {
        this.sessionId = Optional.of(sessionId);
        this.frames = frames;
        this.subscribers = subscribers;
        this.seating = seating;
        this.scheduler = scheduler;
        this.cursors = new CursorBoard(frames, this.sessionId);
    }

    /** A device joins (a connection welcomed, or a long-poll seen). */
    public void join(String key, Caller caller, String deviceId, String transport, long expiresAtNanos) {
        boolean first;
        synchronized (this) {
            Device previous = devices.put(key, new Device(key, caller.userId(), caller.displayName(), caller.role(),
                    deviceId, transport, PresenceStatus.ACTIVE, expiresAtNanos));
            if (previous != null) {
                return;
            }
            first = devices.values().stream().filter(d -> d.userId().equals(caller.userId())).count() == 1;
        }
        if (first) {
            ScheduledFuture<?> pending = leaving.remove(caller.userId());
            if (pending == null || !pending.cancel(false)) {
                seating.accept(new SeatChange(caller, new TableCommand.Arrive()));
            }
        }
        broadcastPresence();
    }

    public void leave(String key) {
        Device gone;
        boolean last;
        synchronized (this) {
            gone = devices.remove(key);
            if (gone == null) {
                return;
            }
            last = devices.values().stream().noneMatch(d -> d.userId().equals(gone.userId()));
        }
        if (last) {
            cursors.forget(gone.userId());
            Caller caller = new Caller(gone.userId(), gone.displayName(), gone.role());
            try {
                leaving.put(gone.userId(), scheduler.schedule(() -> {
                    leaving.remove(gone.userId());
                    synchronized (this) {
                        if (devices.values().stream().anyMatch(d -> d.userId().equals(gone.userId()))) {
                            return;
                        }
                    }
                    seating.accept(new SeatChange(caller, new TableCommand.Leave()));
                }, LINGER.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException e) {
                // The server is stopping (its timers are shut down): no leave is recorded, as for a crash.
                return;
            }
        }
        broadcastPresence();
    }

    public void status(String key, PresenceStatus status) {
        synchronized (this) {
            Device d = devices.get(key);
            if (d == null || d.status() == status) {
                return;
            }
            devices.put(key, d.withStatus(status));
        }
        broadcastPresence();
    }

    /** A member's role changed while seated: presence shows the new one. */
    public void roleChanged(String userId, Role role) {
        synchronized (this) {
            devices.replaceAll((k, d) -> d.userId().equals(userId)
                    ? new Device(d.key(), d.userId(), d.displayName(), role, d.deviceId(), d.transport(), d.status(),
                            d.expiresAtNanos())
                    : d);
        }
        broadcastPresence();
    }

    /** Drops long-poll devices whose presence was not renewed. */
    public void expire(long nowNanos) {
        List<String> stale;
        synchronized (this) {
            stale = devices.values().stream().filter(d -> d.expiresAtNanos() < nowNanos).map(Device::key).toList();
        }
        stale.forEach(this::leave);
    }

    public void cursor(String userId, ObjectNode position) {
        cursors.move(userId, position);
    }

    /** Sends the cursors that moved since the last flush, as one frame: called every 16 ms. */
    public void flushCursors() {
        cursors.flush().ifPresent(batch -> subscribers.get().forEach(s -> s.ephemeral("cursors", batch)));
    }

    public void typing(String userId, boolean typing) {
        String frame = frames.message(Types.TYPING, frames.object().put("userId", userId).put("typing", typing),
                sessionId, Optional.empty());
        subscribers.get().forEach(s -> s.ephemeral("typing:" + userId, Ephemeral.of(frame)));
    }

    /** A stroke being drawn; one on the GM layer reaches GMs only. */
    public void drawPreview(String userId, ObjectNode stroke, boolean gmsOnly) {
        ObjectNode payload = frames.object().put("userId", userId);
        payload.set("stroke", stroke);
        mark(Types.DRAW_PREVIEW, "draw:" + userId, payload, gmsOnly);
    }

    /** A live measurement ({@code {scene, points}}; no points clears it), latest per user. */
    public void ruler(String userId, ObjectNode ruler, boolean gmsOnly) {
        mark(Types.RULER, "ruler:" + userId, frames.object().put("userId", userId).setAll(ruler), gmsOnly);
    }

    /** A ping at a point ({@code {scene, x, y}}), latest per user. */
    public void ping(String userId, ObjectNode ping, boolean gmsOnly) {
        mark(Types.PING, "ping:" + userId, frames.object().put("userId", userId).setAll(ping), gmsOnly);
    }

    /** An ephemeral mark on the map, coalesced per user in its slot; a GM's private one to GMs only. */
    private void mark(String type, String slot, ObjectNode payload, boolean gmsOnly) {
        String frame = frames.message(type, payload, sessionId, Optional.empty());
        subscribers.get().stream().filter(s -> !gmsOnly || s.role() == Role.GM)
                .forEach(s -> s.ephemeral(slot, Ephemeral.of(frame)));
    }

    /** Who is here: one entry per user, with their devices, most present status first. */
    public synchronized ObjectNode presence() {
        Map<String, List<Device>> byUser = new LinkedHashMap<>();
        devices.values().forEach(d -> byUser.computeIfAbsent(d.userId(), u -> new ArrayList<>()).add(d));
        ObjectNode payload = frames.object();
        ArrayNode users = payload.putArray("users");
        byUser.forEach((userId, list) -> {
            Device first = list.get(0);
            PresenceStatus best = list.stream().map(Device::status).min(Comparator.naturalOrder()).orElseThrow();
            ObjectNode user = users.addObject().put("userId", userId).put("displayName", first.displayName())
                    .put("role", list.get(list.size() - 1).role().id()).put("status", best.id());
            ArrayNode ds = user.putArray("devices");
            list.forEach(d -> ds.addObject().put("deviceId", d.deviceId()).put("transport", d.transport())
                    .put("status", d.status().id()));
        });
        return payload;
    }

    public synchronized boolean isEmpty() {
        return devices.isEmpty() && leaving.isEmpty();
    }

    private void broadcastPresence() {
        String frame = frames.message(Types.PRESENCE_UPDATE, presence(), sessionId, Optional.empty());
        Ephemeral update = Ephemeral.of(frame);
        subscribers.get().forEach(s -> s.ephemeral("presence", update));
    }
}
