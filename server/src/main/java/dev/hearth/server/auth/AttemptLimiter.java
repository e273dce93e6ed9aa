package dev.hearth.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays per key (an IP address, a username): the {@code freeAttempts}-th counted attempt
 * blocks the key for {@code firstDelay}, and each further one blocks the key for twice as long as the one before, up to {@code maxDelay}. A key
 * quiet for {@code forgetAfter} starts over.
 *
 * <p>In memory, per node: a restart forgets, and several nodes each count on their own. The table
 * is bounded: beyond {@code maxKeys}, forgotten keys are swept, and if that is not enough the oldest
 * half goes, so a flood of addresses cannot exhaust the heap.
 */
final class AttemptLimiter {

    /** How many attempts are free and how the delay grows after them. */
    record Policy(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxKeys) {}

    private record Entry(int attempts, Instant last, Instant blockedUntil) {}

    private final Policy policy;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    AttemptLimiter(Policy policy) {
        this.policy = policy;
    }

    /** How long {@code key} must still wait, if it is blocked at {@code now}. */
    Optional<Duration> blockedFor(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null || !e.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, e.blockedUntil()));
    }

    /** Counts an attempt (a failed login, a registration). */
    void count(String key, Instant now) {
        if (entries.size() >= policy.maxKeys()) {
            sweep(now);
        }
        entries.compute(key, (k, e) -> {
            int attempts = e == null || !e.last().plus(policy.forgetAfter()).isAfter(now) ? 1 : e.attempts() + 1;
            Instant blockedUntil = now;
            int over = attempts - policy.freeAttempts();
            if (over >= 0) {
                Duration delay = policy.firstDelay().multipliedBy(1L << Math.min(over, 30));
                blockedUntil = now.plus(delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay);
            }
            return new Entry(attempts, now, blockedUntil);
        });
    }

    /** Forgets {@code key}: a successful login clears its username's count. */
    void forget(String key) {
        entries.remove(key);
    }

    private void sweep(Instant now) {
        entries.entrySet().removeIf(e -> !e.getValue().last().plus(policy.forgetAfter()).isAfter(now));
        if (entries.size() >= policy.maxKeys()) {
            entries.entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparing(Entry::last)))
                    .limit(entries.size() / 2)
                    .map(java.util.Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
