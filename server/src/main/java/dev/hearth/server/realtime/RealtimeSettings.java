package dev.hearth.server.realtime;

import dev.hearth.server.realtime.outbox.OutboxSettings;
import dev.hearth.server.realtime.stream.StreamSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The real-time engine's limits and timings (docs/protocol.md lists them).
 *
 * @param admins usernames that may send on the system channel
 * @param floodRefusals rate-limit refusals within 10 s after which a connection is closed (1008)
 * @param sseHeartbeat how often an SSE stream gets a comment line: proxies cut streams that stay quiet,
 *     and a write is the only way to notice a listener that went away
 */
public record RealtimeSettings(Duration helloTimeout, Duration heartbeatInterval, Duration silenceTimeout,
        double commandsPerSecond, double commandBurst, double ephemeralPerSecond, double ephemeralBurst,
        int floodRefusals, Duration ticketTtl, OutboxSettings outbox, StreamSettings streams, Set<String> admins,
        Duration sseHeartbeat) {

    public static final RealtimeSettings DEFAULT = new RealtimeSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofSeconds(60), 20, 40, 120, 240, 50, Duration.ofSeconds(30), OutboxSettings.DEFAULT,
            StreamSettings.DEFAULT, Set.of(), Duration.ofSeconds(15));

    public RealtimeSettings {
        admins = Set.copyOf(admins);
    }

    public RealtimeSettings withAdmins(Set<String> usernames) {
        return new RealtimeSettings(helloTimeout, heartbeatInterval, silenceTimeout, commandsPerSecond, commandBurst,
                ephemeralPerSecond, ephemeralBurst, floodRefusals, ticketTtl, outbox, streams, usernames, sseHeartbeat);
    }

    public RealtimeSettings withOutbox(OutboxSettings next) {
        return new RealtimeSettings(helloTimeout, heartbeatInterval, silenceTimeout, commandsPerSecond, commandBurst,
                ephemeralPerSecond, ephemeralBurst, floodRefusals, ticketTtl, next, streams, admins, sseHeartbeat);
    }

    public RealtimeSettings withTimeouts(Duration hello, Duration heartbeat, Duration silence) {
        return new RealtimeSettings(hello, heartbeat, silence, commandsPerSecond, commandBurst,
                ephemeralPerSecond, ephemeralBurst, floodRefusals, ticketTtl, outbox, streams, admins, sseHeartbeat);
    }

    public RealtimeSettings withSseHeartbeat(Duration every) {
        return new RealtimeSettings(helloTimeout, heartbeatInterval, silenceTimeout, commandsPerSecond, commandBurst,
                ephemeralPerSecond, ephemeralBurst, floodRefusals, ticketTtl, outbox, streams, admins, every);
    }
}
