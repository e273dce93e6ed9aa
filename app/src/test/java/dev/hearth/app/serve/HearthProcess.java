package dev.hearth.app.serve;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hearth} as a separate process, started the way a user starts it (through {@code Main}),
 * with this test JVM's java and class path.
 *
 * <p>Its output goes to files rather than pipes: the JDK closes a child's pipes when it exits,
 * which can race with a thread still reading them and lose the last lines (the shutdown log).
 */
final class HearthProcess implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile("Hearth is running at (http://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private HearthProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code java dev.hearth.app.Main args} in {@code workDir} with no HEARTH_ variables but
     * {@code env}; its output goes to files in {@code outputDir}.
     */
    static HearthProcess start(Path workDir, Path outputDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", // these processes live seconds: skip the optimising compiler
                "-cp", System.getProperty("java.class.path"),
                "dev.hearth.app.Main"));
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile(outputDir, "stdout", ".txt");
            Path stderr = Files.createTempFile(outputDir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("HEARTH_"));
            builder.environment().putAll(env);
            return new HearthProcess(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the line that says Hearth is serving, and answers its URL. */
    URI awaitRunning() {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(25)).until(() -> {
            if (!process.isAlive() && url().isEmpty()) {
                throw new AssertionError("hearth exited (" + process.exitValue() + ") before it was running; stderr:\n"
                        + Files.readString(stderr));
            }
            return url();
        }, Optional::isPresent).orElseThrow();
    }

    private Optional<URI> url() throws IOException {
        Matcher m = RUNNING.matcher(Files.readString(stdout));
        return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
    }

    /** Sends SIGTERM, as a service manager does, and waits for the exit. */
    Result terminate() throws InterruptedException, IOException {
        process.destroy();
        return awaitExit();
    }

    /** Waits for the process to end by itself. */
    Result awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hearth did not exit within " + TIMEOUT + "; stderr:\n" + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** How a finished process ended. */
    record Result(int exitCode, String stdout, String stderr) {

        /** The lines the command printed itself (not log lines): they start with "hearth: ". */
        List<String> messages() {
            return stderr.lines().filter(line -> line.startsWith("hearth: ")).toList();
        }
    }
}
