package dev.hearth.server.realtime.stream;

import java.time.Duration;

/**
 * How stream actors hold memory and when they snapshot.
 *
 * @param tailSize committed events kept in memory per stream for resumes
 * @param snapshotEvery a snapshot is saved after this many events since the last
 * @param maxReplay a resume further behind than this gets a fresh view instead of the events
 * @param recentIds message ids remembered per stream to answer retries from memory
 * @param idleAfter an actor with no subscriber and no command for this long is unloaded
 */
public record StreamSettings(int tailSize, int snapshotEvery, int maxReplay, int recentIds, Duration idleAfter) {

    public static final StreamSettings DEFAULT = new StreamSettings(1024, 500, 5000, 4096, Duration.ofMinutes(5));
}
