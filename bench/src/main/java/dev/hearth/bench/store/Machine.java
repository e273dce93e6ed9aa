package dev.hearth.bench.store;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a run measured, so figures are never quoted without it.
 *
 * @param cpuModel from {@code /proc/cpuinfo}, or "unknown" off Linux
 * @param sqliteVersion the SQLite library the store links, or null if SQLite was not run
 * @param postgresVersion the server's version, or null if PostgreSQL was not run
 * @param disk durable 4 KiB write latency where the SQLite files go, measured at the start of the run
 */
record Machine(
        int cpus,
        String cpuModel,
        double memoryGiB,
        String jdk,
        String os,
        String sqliteVersion,
        String postgresVersion,
        DiskProbe disk) {

    static Machine describe(String sqliteVersion, String postgresVersion, DiskProbe disk) {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                os.getTotalMemorySize() / (double) (1L << 30),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                sqliteVersion,
                postgresVersion,
                disk);
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
