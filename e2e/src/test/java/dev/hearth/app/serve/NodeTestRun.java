package dev.hearth.app.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code node --test} with the spec reporter: its output streamed line by line into the
 * Maven log as it comes (a browser suite is slow; a silent minute looks like a hang), and what the
 * reporter said about each test collected for the verdict.
 */
final class NodeTestRun {

    /** A failed test as the spec reporter prints it: {@code ✖ name (12.3ms)}. */
    private static final Pattern FAILED = Pattern.compile("^\\s*✖ (.+?) \\([\\d.]+m?s\\)$");
    /** The reporter's closing counts: {@code ℹ pass 7}. */
    private static final Pattern COUNT = Pattern.compile("^ℹ (tests|pass|fail|cancelled|skipped|todo) (\\d+)$");

    private final List<String> lines = new ArrayList<>();
    private final Process process;
    private final Thread pump;

    private NodeTestRun(Process process) {
        this.process = process;
        this.pump = Thread.ofPlatform().name("node-test-output").daemon().start(this::pumpOutput);
    }

    /** Starts {@code command} in {@code dir} with {@code env} added to this JVM's environment. */
    static NodeTestRun start(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new NodeTestRun(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.getFirst() + " (is Node.js 20 on the PATH?)", e);
        }
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                System.out.println("[e2e] " + line);
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            System.out.println("[e2e] (output lost: " + e + ")");
        }
    }

    /**
     * Waits for the end, at most {@code timeout}; past it kills node and the browsers it started
     * (their children first, so no Chromium outlives the build) and answers an exit code of -1.
     */
    Result await(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(Duration.ofSeconds(10));
        synchronized (lines) {
            return new Result(ended ? process.exitValue() : -1, List.copyOf(lines));
        }
    }

    /** How the run ended and what it printed. */
    record Result(int exitCode, List<String> output) {

        /** The names of the failed tests, each once, in the order first reported. */
        Set<String> failedTests() {
            Set<String> failed = new LinkedHashSet<>();
            for (String line : output) {
                Matcher m = FAILED.matcher(line);
                if (m.matches()) {
                    failed.add(m.group(1));
                }
            }
            return failed;
        }

        /** One of the reporter's closing counts ({@code tests}, {@code pass}, {@code skipped}, ...), if printed. */
        OptionalInt count(String name) {
            for (String line : output) {
                Matcher m = COUNT.matcher(line.strip());
                if (m.matches() && m.group(1).equals(name)) {
                    return OptionalInt.of(Integer.parseInt(m.group(2)));
                }
            }
            return OptionalInt.empty();
        }
    }
}
