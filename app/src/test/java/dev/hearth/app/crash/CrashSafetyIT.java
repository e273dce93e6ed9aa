package dev.hearth.app.crash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hearth.core.session.SessionId;
import dev.hearth.store.EventStore;
import dev.hearth.store.StoredEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable before acknowledged, tested the hard way: a separate process appends to many sessions
 * at once, is killed with SIGKILL mid-stream, and the store opened again must hold every
 * acknowledged event, in order, with no gap and no duplicate.
 */
class CrashSafetyIT {

    private static final int SESSIONS = 24;
    private static final long ACKS_BEFORE_KILL = 3_000;
    private static final Pattern ACK = Pattern.compile("ACK (\\S+) (\\d+) (\\d+)");

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_append_survives_sigkill_on_sqlite() throws Exception {
        crashAndCheck(List.of("--data", dir.toString()));
    }

    @Test
    void every_acknowledged_append_survives_sigkill_on_postgresql() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "hearth_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            crashAndCheck(List.of("--data", dir.toString(), "--db", url,
                    "--set", "db.user=postgres", "--set", "db.schema=" + schema));
        } finally {
            try (var c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void crashAndCheck(List<String> serveArgs) throws Exception {
        Path stderr = dir.resolve("append-load.stderr");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                AppendLoad.class.getName(), String.valueOf(SESSIONS)));
        command.addAll(serveArgs);
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();

        Map<String, Long> acked = new ConcurrentHashMap<>();
        AtomicLong ackCount = new AtomicLong();
        Thread reader = Thread.ofVirtual().start(() -> readAcks(process, acked, ackCount));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .failFast("the appending process died: " + tail(stderr), () -> !process.isAlive())
                    .until(() -> ackCount.get() >= ACKS_BEFORE_KILL);
        } finally {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no commit
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(Duration.ofSeconds(10));
        }
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acked).hasSize(SESSIONS);

        try (EventStore store = CrashTestStores.openLikeServe(serveArgs.toArray(String[]::new))) {
            for (var entry : acked.entrySet()) {
                SessionId session = SessionId.of(entry.getKey());
                List<String> payloads = readAll(store, session);
                long latest = store.latestSeq(session);

                assertThat(latest).as("latest seq of %s", session).isGreaterThanOrEqualTo(entry.getValue());
                // Events committed but not yet acknowledged when the kill came may be there too, in order.
                assertThat(payloads).as("log of %s", session).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, latest).mapToObj(n -> session + "/" + n).toList());
            }
        }
    }

    private static void readAcks(Process process, Map<String, Long> acked, AtomicLong count) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                var m = ACK.matcher(line);
                if (m.matches()) { // a line cut by the kill does not match and was not an acknowledgement
                    acked.merge(m.group(1), Long.parseLong(m.group(3)), Math::max);
                    count.incrementAndGet();
                }
            }
        } catch (java.io.IOException e) {
            // the stream ends with the process
        }
    }

    private static List<String> readAll(EventStore store, SessionId session) {
        List<String> payloads = new ArrayList<>();
        long after = 0;
        for (List<StoredEvent> page; !(page = store.read(session, after, 1000)).isEmpty(); ) {
            page.forEach(e -> payloads.add(new String(e.payload(), UTF_8)));
            after = page.getLast().seq();
        }
        return payloads;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (java.io.IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
