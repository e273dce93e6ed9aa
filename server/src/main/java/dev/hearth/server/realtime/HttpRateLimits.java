package dev.hearth.server.realtime;

import dev.hearth.server.http.ErrorBody;
import dev.hearth.server.realtime.protocol.TokenBucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real-time limits for clients without a socket (SSE writes, long-poll, the HTTP fallbacks):
 * the same rates as a WebSocket connection's, kept per account, since HTTP requests have no
 * connection to hang them on. Commands and requests share one bucket, cursors and drawing another.
 */
public final class HttpRateLimits {

    /** A bucket unused this long is full again, so forgetting it changes nothing. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);

    private final RealtimeSettings settings;
    private final Map<String, Limited> commands = new ConcurrentHashMap<>();
    private final Map<String, Limited> ephemerals = new ConcurrentHashMap<>();

    private static final class Limited {
        final TokenBucket bucket;
        volatile long lastUsedNanos;

        Limited(TokenBucket bucket, long now) {
            this.bucket = bucket;
            this.lastUsedNanos = now;
        }

        synchronized Optional<Duration> take(long now) {
            lastUsedNanos = now;
            return bucket.take(now);
        }
    }

    public HttpRateLimits(RealtimeSettings settings) {
        this.settings = settings;
    }

    /** A command or read by {@code accountId}: empty when allowed, else the E004 to answer. */
    public Optional<ErrorBody> command(String accountId) {
        return take(commands, accountId, settings.commandsPerSecond(), settings.commandBurst());
    }

    /** A cursor move or drawing preview by {@code accountId}: empty when allowed, else the E004 to answer. */
    public Optional<ErrorBody> ephemeral(String accountId) {
        return take(ephemerals, accountId, settings.ephemeralPerSecond(), settings.ephemeralBurst());
    }

    private static Optional<ErrorBody> take(Map<String, Limited> buckets, String accountId, double perSecond, double burst) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(accountId, k -> new Limited(new TokenBucket(perSecond, burst, now), now))
                .take(now).map(Outcomes::rateLimited);
    }

    /** Drops buckets that have refilled; called by the hub's sweeper. */
    void forgetIdle() {
        long cutoff = System.nanoTime() - FORGET_AFTER.toNanos();
        commands.values().removeIf(l -> l.lastUsedNanos < cutoff);
        ephemerals.values().removeIf(l -> l.lastUsedNanos < cutoff);
    }

    int tracked() {
        return commands.size() + ephemerals.size();
    }
}
