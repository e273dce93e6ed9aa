package dev.hearth.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long one durable 4 KiB write takes where the SQLite files go: the floor under every commit.
 * On a virtual machine it moves from hour to hour, so each run measures it rather than quoting it.
 *
 * @param medianMillis median of write + fdatasync
 * @param p99Millis 99th percentile of the same
 */
record DiskProbe(double medianMillis, double p99Millis) {

    private static final int WRITES = 200;

    static DiskProbe measure(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "hearth-bench-fsync-", ".probe");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer page = ByteBuffer.allocateDirect(4096);
                long[] nanos = new long[WRITES];
                for (int i = 0; i < WRITES; i++) {
                    page.clear();
                    long start = System.nanoTime();
                    ch.write(page, (long) i * 4096);
                    ch.force(false);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                return new DiskProbe(nanos[WRITES / 2] / 1e6, nanos[WRITES * 99 / 100] / 1e6);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe the disk under " + dir, e);
        }
    }
}
