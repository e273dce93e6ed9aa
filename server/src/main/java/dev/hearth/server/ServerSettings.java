package dev.hearth.server;

import dev.hearth.server.realtime.RealtimeSettings;
import java.time.InstantSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the server listens and how long it waits for in-flight requests when it stops.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} (this machine only) or {@code 0.0.0.0} (every interface)
 * @param port the TCP port; 0 picks a free one, reported by {@link HearthServer#port()}
 * @param shutdownGrace how long a stop waits for in-flight requests before cutting them off
 * @param realtime the real-time engine's limits and timings
 * @param clock the time the real-time engine goes by (token expiry, timestamps); tests fix it
 */
public record ServerSettings(String host, int port, Duration shutdownGrace, RealtimeSettings realtime, InstantSource clock) {

    /** With the default real-time settings on the system clock. */
    public ServerSettings(String host, int port, Duration shutdownGrace) {
        this(host, port, shutdownGrace, RealtimeSettings.DEFAULT, InstantSource.system());
    }

    public ServerSettings withRealtime(RealtimeSettings next, InstantSource at) {
        return new ServerSettings(host, port, shutdownGrace, next, at);
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(realtime, "realtime");
        Objects.requireNonNull(clock, "clock");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, was " + shutdownGrace);
        }
    }
}
