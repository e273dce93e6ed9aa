package dev.hearth.bench.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How a run was made and on what, so figures are never quoted without it. The load averages at the
 * start and the end say whether the machine (shared, two cores) was quiet.
 */
record RunInfo(String command, Instant startedAt, Duration warmup, Duration measure, int trials, int episode,
        int stateRepeats, long seed, int cpus, String cpuModel, String jdk, String os, String loadAtStart,
        String loadAtEnd) {

    static RunInfo start(String command, Duration warmup, Duration measure, int trials, int episode, int repeats,
            long seed) {
        return new RunInfo(command, Instant.now(), warmup, measure, trials, episode, repeats, seed,
                Runtime.getRuntime().availableProcessors(), readCpuModel(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadAverage(), "");
    }

    RunInfo ended() {
        return new RunInfo(command, startedAt, warmup, measure, trials, episode, stateRepeats, seed, cpus, cpuModel, jdk,
                os, loadAtStart, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
