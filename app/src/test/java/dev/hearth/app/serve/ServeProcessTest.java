package dev.hearth.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.app.store.DataDirectoryLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth serve} as a process: what it prints, what it answers, how it stops and how it refuses bad input. */
class ServeProcessTest {

    /** The exit code of a JVM that ended on SIGTERM (128 + 15), after its shutdown hooks ran. */
    private static final int EXIT_ON_SIGTERM = 143;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @TempDir
    Path outputDir;

    @Test
    void serve_runs_on_sqlite_in_hearth_data_of_the_working_directory_answers_probes_and_stops_cleanly_on_sigterm()
            throws Exception {
        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of(), "serve", "--port", "0");
                HttpClient http = HttpClient.newHttpClient()) {
            URI url = hearth.awaitRunning();

            assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
            assertThat(workDir.resolve("hearth-data/hearth.db")).isRegularFile();
            assertThat(get(http, url.resolve("/health"))).extracting(HttpResponse::statusCode).isEqualTo(200);
            HttpResponse<String> ready = get(http, url.resolve("/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"store\":\"sqlite\"");
            assertThat(get(http, url.resolve("/metrics")).body())
                    .contains("hearth_store_append_latency_seconds", "http_server_requests_seconds", "jvm_memory_used_bytes");

            HearthProcess.Result result = hearth.terminate();

            assertThat(result.exitCode()).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(result.stdout()).isEqualTo("Hearth is running at " + url + "\n");
            assertThat(result.stderr())
                    .contains("effective configuration:")
                    .contains("event store closed; every accepted write is committed")
                    .contains(" - stopped\n")
                    .doesNotContain("Exception");
            DataDirectoryLock.acquire(workDir.resolve("hearth-data")).close(); // the stop released the lock
        }
    }

    @Test
    void json_log_format_writes_one_json_object_per_line() throws Exception {
        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of("HEARTH_LOG_FORMAT", "json"), "serve", "--port", "0")) {
            hearth.awaitRunning();

            HearthProcess.Result result = hearth.terminate();

            assertThat(result.stderr().lines().filter(line -> !line.isBlank())).allSatisfy(line -> {
                JsonNode event = JSON.readTree(line);
                assertThat(event.has("level")).as(line).isTrue();
                assertThat(event.has("formattedMessage")).as(line).isTrue();
            });
            assertThat(result.stderr()).contains("\"formattedMessage\":\"effective configuration:");
        }
    }

    @Test
    void invalid_config_values_exit_2_listing_every_problem_with_its_origin() throws Exception {
        HearthProcess.Result result = run(Map.of("HEARTH_DB_POOL_SIZE", "one"), "serve", "--port", "99999",
                "--set", "log.format=xml");

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_INVALID_CONFIG);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .startsWith("hearth: Invalid configuration (3 problems):\n")
                .contains("  - server.port = \"99999\" (flag --port): expected a whole number from 0 to 65535\n")
                .contains("  - db.pool-size = \"one\" (environment variable HEARTH_DB_POOL_SIZE): expected a whole number from 2 to 1000\n")
                .contains("  - log.format = \"xml\" (flag --set log.format): expected one of text, json\n");
        assertThat(workDir.resolve("hearth-data")).doesNotExist();
    }

    @Test
    void local_mode_on_every_interface_exits_2_naming_the_problem_and_the_fix_and_writes_nothing() throws Exception {
        HearthProcess.Result result = run(Map.of(), "serve", "--local", "--host", "0.0.0.0");

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_INVALID_CONFIG);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .startsWith("hearth: ")
                .contains("server.host = \"0.0.0.0\" (flag --host) is not a loopback address")
                .contains("local mode (--local, auth.mode=local) has no login")
                .contains("--host 127.0.0.1");
        assertThat(workDir.resolve("hearth-data")).doesNotExist();
    }

    @Test
    void local_mode_serves_the_local_gm_without_a_token_and_says_so() throws Exception {
        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of(), "serve", "--local", "--port", "0");
                HttpClient http = HttpClient.newHttpClient()) {
            URI url = hearth.awaitRunning();

            assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
            HttpResponse<String> me = get(http, url.resolve("/api/me"));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).path("username").asText()).isEqualTo("local");

            HearthProcess.Result result = hearth.terminate();

            assertThat(result.stdout()).isEqualTo("Hearth is running at " + url + "\n"
                    + "Local mode: no login, this machine only; you are Game Master, GM of \"My table\".\n");
        }
    }

    @Test
    void unknown_key_in_config_file_exits_2_naming_the_key_and_the_file() throws Exception {
        Path config = Files.writeString(workDir.resolve("hearth.yaml"), "server:\n  prot: 9000\n");

        HearthProcess.Result result = run(Map.of(), "serve", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_INVALID_CONFIG);
        assertThat(result.stderr()).contains("unknown key \"server.prot\" (file " + config + "): did you mean server.port?");
    }

    @Test
    void unreachable_postgresql_exits_1_with_one_message_and_never_shows_the_password() throws Exception {
        HearthProcess.Result result = run(Map.of("HEARTH_DB_URL", "postgresql://gm:topsecret@127.0.0.1:1/hearth"),
                "serve", "--port", "0", "--set", "db.connect-timeout=1s");

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_CANNOT_START);
        assertThat(result.messages()).singleElement().asString()
                .startsWith("hearth: Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/hearth as user 'gm': ")
                .endsWith("Check --db (or HEARTH_DB_URL) and that PostgreSQL is running and accepts connections.");
        assertThat(result.stderr()).doesNotContain("topsecret").contains("postgresql://gm:****@127.0.0.1:1/hearth");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void a_corrupt_sqlite_file_exits_1_and_is_left_untouched() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("hearth-data"));
        byte[] garbage = "SQLite? no: a broken file\0\1\2".getBytes();
        Files.write(data.resolve("hearth.db"), garbage);

        HearthProcess.Result result = run(Map.of(), "serve", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_CANNOT_START);
        assertThat(result.messages()).containsExactly("hearth: " + data.resolve("hearth.db").toRealPath()
                + " is not a SQLite database (it is corrupt or another kind of file). Hearth does not overwrite it:"
                + " move it aside or choose another directory with --data.");
        assertThat(Files.readAllBytes(data.resolve("hearth.db"))).isEqualTo(garbage);
    }

    @Test
    void a_foreign_sqlite_database_exits_1_and_is_left_byte_for_byte_untouched() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("other"));
        Path file = data.resolve("hearth.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE characters (name TEXT)");
            c.createStatement().execute("INSERT INTO characters VALUES ('Aragorn')");
        }
        byte[] before = Files.readAllBytes(file);

        HearthProcess.Result result = run(Map.of(), "serve", "--port", "0", "--data", "other");

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_CANNOT_START);
        assertThat(result.messages()).singleElement().asString()
                .contains("is a SQLite database that Hearth did not create (tables: characters)")
                .contains("choose another directory with --data");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet tables = c.createStatement().executeQuery(
                        "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'");
                ResultSet rows = c.createStatement().executeQuery("SELECT group_concat(name) FROM characters")) {
            assertThat(tables.getString(1)).isEqualTo("characters");
            assertThat(rows.getString(1)).isEqualTo("Aragorn");
        }
    }

    @Test
    void a_data_directory_under_a_regular_file_exits_1_naming_the_file() throws Exception {
        Path file = Files.writeString(workDir.resolve("notes.txt"), "campaign notes");

        HearthProcess.Result result = run(Map.of(), "serve", "--port", "0", "--data", "notes.txt/data");

        assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_CANNOT_START);
        assertThat(result.messages()).containsExactly("hearth: The data directory " + file.toRealPath().resolve("data")
                + " cannot be created: " + file.toRealPath() + " is a file, not a directory."
                + " Choose another directory with --data.");
        assertThat(Files.readString(file)).isEqualTo("campaign notes");
    }

    @Test
    @SuppressWarnings("try") // the resource is held for the block, not used in it
    void a_data_directory_in_use_by_another_hearth_exits_1() throws Exception {
        Path data = workDir.resolve("hearth-data");
        try (DataDirectoryLock other = DataDirectoryLock.acquire(data)) {
            HearthProcess.Result result = run(Map.of(), "serve", "--port", "0");

            assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_CANNOT_START);
            assertThat(result.messages()).containsExactly("hearth: Another Hearth (pid " + ProcessHandle.current().pid()
                    + ") is already using the data directory " + data.toRealPath()
                    + ". Stop it first, or give this one its own directory with --data.");
        }
    }

    @Test
    void a_port_in_use_exits_1_naming_the_port() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            HearthProcess.Result result = run(Map.of(), "serve", "--port", Integer.toString(port));

            assertThat(result.exitCode()).isEqualTo(ServeCommand.EXIT_CANNOT_START);
            assertThat(result.messages()).containsExactly("hearth: Cannot listen on 127.0.0.1:" + port
                    + ": the port is already in use. Stop the other process or choose another port (server.port).");
            assertThat(result.stderr()).doesNotContain("ERROR");
        }
    }

    private HearthProcess.Result run(Map<String, String> env, String... args) throws InterruptedException, IOException {
        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, env, args)) {
            return hearth.awaitExit();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
