package dev.hearth.bench.store;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who used the CPUs during a measurement window, in cores: this JVM, PostgreSQL's processes, and
 * everything else. On a 2-core machine shared with builds, "everything else" says whether a
 * figure was taken on a quiet machine. Read from {@code /proc}; all zeros where there is none.
 *
 * @param bench cores this JVM used (the writers, the store, the SQLite engine inside it)
 * @param postgres cores the PostgreSQL server's processes used
 * @param other cores every other process used
 */
record CpuUse(double bench, double postgres, double other) {

    static final CpuUse UNKNOWN = new CpuUse(0, 0, 0);

    /** Counters at one instant; two of them give a {@link CpuUse}. */
    record Sample(long nanos, long busyTicks, long totalTicks, long postgresTicks, long benchNanos) {

        static Sample take() {
            long bench = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                // Fields: user nice system idle iowait irq softirq steal ...; idle and iowait are not busy.
                long busy = total - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]);
                return new Sample(System.nanoTime(), busy, total, readPostgresTicks(), bench);
            } catch (IOException | RuntimeException e) {
                return new Sample(System.nanoTime(), 0, 0, 0, bench);
            }
        }

        CpuUse since(Sample earlier) {
            long total = totalTicks - earlier.totalTicks;
            long wallNanos = nanos - earlier.nanos;
            if (total <= 0 || wallNanos <= 0) {
                return UNKNOWN;
            }
            // /proc/stat counts ticks of all CPUs together: busy/total is the machine's share in use.
            int cpus = Runtime.getRuntime().availableProcessors();
            double busyCores = cpus * (double) (busyTicks - earlier.busyTicks) / total;
            double postgresCores = cpus * (double) (postgresTicks - earlier.postgresTicks) / total;
            double benchCores = (benchNanos - earlier.benchNanos) / (double) wallNanos;
            return new CpuUse(benchCores, postgresCores, Math.max(0, busyCores - benchCores - postgresCores));
        }

        private static long readPostgresTicks() throws IOException {
            long ticks = 0;
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path p : procs) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        int open = stat.indexOf('(');
                        int close = stat.lastIndexOf(')');
                        if (!stat.substring(open + 1, close).equals("postgres")) {
                            continue;
                        }
                        // After "(comm) ", utime and stime are the 12th and 13th fields.
                        String[] f = stat.substring(close + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    } catch (IOException | RuntimeException gone) {
                        // The process ended between listing and reading: it no longer counts.
                    }
                }
            }
            return ticks;
        }
    }
}
