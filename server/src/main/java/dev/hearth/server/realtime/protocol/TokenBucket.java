package dev.hearth.server.realtime.protocol;

import java.time.Duration;
import java.util.Optional;

/** A rate limit: {@code perSecond} on average with bursts up to {@code burst}. Not thread-safe: one per connection. */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, double burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token, or says how long until one is there. */
    public Optional<Duration> take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) ((1 - tokens) / perSecond * 1e9)));
    }
}
