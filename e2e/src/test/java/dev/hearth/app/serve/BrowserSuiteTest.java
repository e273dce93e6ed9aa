package dev.hearth.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hearth.app.config.ConfigLoader;
import dev.hearth.app.config.ConfigOrigin;
import dev.hearth.app.config.HearthConfig;
import dev.hearth.app.config.RawSetting;
import dev.hearth.app.logging.LogFormat;
import dev.hearth.app.logging.LogLevel;
import dev.hearth.app.logging.LogbackConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser suite ({@code web/e2e/*.test.mjs}: node:test and playwright-core driving Debian's
 * Chromium) against a Hearth started in this JVM the way {@code hearth serve} starts one: accounts
 * mode, default cookie and CSP settings, a fresh data directory, a free port on 127.0.0.1.
 *
 * <p>In {@code dev.hearth.app.serve} because {@link RunningHearth}, the graph {@code serve} builds,
 * is package-private; the test reaches it as app's own tests do rather than widening app's surface.
 *
 * <p>One server for the whole suite. Registrations are limited per IP address (5 free by default,
 * then a wait) and every browser here comes from 127.0.0.1, so this server allows {@value
 * #REGISTRATIONS}: enough for every file to sign up its own people (the budget is counted in
 * {@code web/e2e/support.mjs}). The limit itself is tested where it lives, in app and server.
 */
class BrowserSuiteTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The suite takes about a minute and a half; eight leave room for a slow shared machine, not for a hang. */
    private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(8);
    /** Registrations the suite may make from 127.0.0.1 before they wait; support.mjs counts its use. */
    private static final int REGISTRATIONS = 20;

    @TempDir
    Path data;

    @Test
    void every_browser_test_passes_against_a_running_hearth() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("the browser tests need Debian's Chromium at " + CHROMIUM + " and it is missing:"
                    + " run bin/hearth test, which installs it (or apt-get install -y chromium)");
        }
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path web = module.resolveSibling("web");
        if (!Files.isDirectory(web.resolve("node_modules/playwright-core"))) {
            fail("web's npm packages are missing in " + web + "/node_modules: build web first"
                    + " (bin/hearth test -pl e2e -am, or mvn ... -pl e2e -am), which runs npm ci");
        }
        Path artifacts = cleanDirectory(module.resolve("target/e2e-artifacts"));

        new LogbackConfiguration(LogFormat.TEXT, LogLevel.WARN).apply(); // the suite's own lines are the point
        RunningHearth hearth = RunningHearth.start(config());
        NodeTestRun.Result result;
        try {
            String url = hearth.url().toString().replaceAll("/$", "");
            System.out.println("[e2e] Hearth is running at " + url + "; browser artifacts go to " + artifacts);
            result = NodeTestRun.start(web, Map.of(
                            "HEARTH_URL", url,
                            "CHROMIUM_PATH", CHROMIUM.toString(),
                            "E2E_ARTIFACTS", artifacts.toString()),
                    List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "e2e/"))
                    .await(SUITE_TIMEOUT);
        } finally {
            hearth.stop();
        }

        if (result.exitCode() == -1) {
            fail("the browser suite did not finish within " + SUITE_TIMEOUT + " and was killed; failed so far: "
                    + result.failedTests() + "; its output is above, prefixed [e2e]");
        }
        assertThat(result.exitCode())
                .withFailMessage("the browser suite failed (node exit code %d); failed tests: %s."
                        + " Its output is above, prefixed [e2e]; screenshots in %s",
                        result.exitCode(), result.failedTests(), artifacts)
                .isZero();
        // A suite that found no tests, or skipped some, also exits 0: neither may pass unnoticed.
        assertThat(result.count("pass").orElse(0)).as("browser tests passed (reporter's count)").isPositive();
        assertThat(result.count("skipped").orElse(0) + result.count("todo").orElse(0))
                .as("browser tests skipped or todo: nothing is skipped silently").isZero();
    }

    private HearthConfig config() {
        List<RawSetting> settings = Stream.of(
                        Map.entry("server.host", "127.0.0.1"),
                        Map.entry("server.port", "0"),
                        Map.entry("data.dir", data.toString()),
                        Map.entry("auth.mode", "accounts"),
                        Map.entry("auth.registrations-per-ip", String.valueOf(REGISTRATIONS)),
                        Map.entry("shutdown.grace", "1s"))
                .map(e -> new RawSetting(e.getKey(), e.getValue(), new ConfigOrigin.Flag("BrowserSuiteTest")))
                .toList();
        // No environment: a developer's HEARTH_* variables must not change what is tested.
        return new ConfigLoader(Map.of()).load(Optional.empty(), settings).config();
    }

    private static Path cleanDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
