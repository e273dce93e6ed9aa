package dev.hearth.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets at rest through real processes: {@code serve}, {@code admin rotate-key}, and {@code serve} again. */
class SecretsProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @TempDir
    Path outputDir;

    @Test
    void a_token_issued_before_rotate_key_still_verifies_after_the_rotation_and_a_restart() throws Exception {
        Path data = workDir.resolve("data");
        String token;
        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of(), "serve", "--port", "0", "--data", data.toString());
                HttpClient http = HttpClient.newHttpClient()) {
            URI url = hearth.awaitRunning();
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(url.resolve("/api/auth/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"mira\",\"displayName\":\"Mira\",\"password\":\"a long enough passphrase\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            token = JSON.readTree(registered.body()).get("accessToken").asText();
            hearth.terminate();
        }
        Path keyFile = data.resolve("secrets.keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String firstKeys = Files.readString(keyFile);
        assertThat(Files.readString(data.resolve("signing-keys.json"))).doesNotContain("\"d\"").contains("\"sealed\":\"v1.");

        try (HearthProcess rotate = HearthProcess.start(workDir, outputDir, Map.of(), "admin", "rotate-key", "--data", data.toString())) {
            HearthProcess.Result result = rotate.awaitExit();
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("is now current", "Re-sealed: signing keys in");
        }
        assertThat(Files.readString(keyFile)).isNotEqualTo(firstKeys);
        assertThat(Files.readString(data.resolve("signing-keys.json"))).doesNotContain("\"d\"");

        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of(), "serve", "--port", "0", "--data", data.toString());
                HttpClient http = HttpClient.newHttpClient()) {
            URI url = hearth.awaitRunning();
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(url.resolve("/api/me"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("mira");
            hearth.terminate();
        }
    }

    @Test
    void a_key_file_readable_by_others_stops_the_start_with_exit_1_and_the_chmod_fix() throws Exception {
        Path data = workDir.resolve("data");
        Files.createDirectories(data);
        Path keyFile = data.resolve("secrets.keys");
        Files.writeString(keyFile, "{\"version\":1,\"keys\":[{\"id\":\"k1\",\"key\":\""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\"}]}");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of(), "serve", "--port", "0", "--data", data.toString())) {
            HearthProcess.Result result = hearth.awaitExit();

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.messages()).singleElement().asString()
                    .contains("may be read by group or others", "chmod 600 " + keyFile);
        }
    }

    @Test
    void a_secrets_key_of_the_wrong_length_in_the_environment_stops_the_start_without_showing_it() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        try (HearthProcess hearth = HearthProcess.start(workDir, outputDir, Map.of("HEARTH_SECRETS_KEY", shortKey),
                "serve", "--port", "0")) {
            HearthProcess.Result result = hearth.awaitExit();

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.messages()).singleElement().asString()
                    .contains("HEARTH_SECRETS_KEY", "16 bytes", "openssl rand -base64 32");
            assertThat(result.stderr()).doesNotContain(shortKey);
            assertThat(workDir.resolve("hearth-data/secrets.keys")).doesNotExist();
        }
    }
}
