package dev.hearth.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.app.config.HearthConfig;
import dev.hearth.app.secrets.SecretsAtRest;
import dev.hearth.app.store.DataDirectoryLock;
import dev.hearth.server.auth.SigningKeyRing;
import dev.hearth.server.secrets.SecretBox;
import dev.hearth.server.secrets.SecretKeyFile;
import dev.hearth.server.secrets.SecretKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RotateKeyCommandTest {

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new RotateKeyCommand(env));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    String signingKid(SecretBox box) {
        return SigningKeyRing.open(dir.resolve("signing-keys.json"), box, Duration.ofDays(30), Duration.ofMinutes(16),
                InstantSource.system()).publicKeys().getKeys().getFirst().getKeyID();
    }

    @Test
    void rotate_key_reseals_the_signing_keys_under_a_new_key_and_removes_the_old_one() throws Exception {
        SecretBox before = new SecretsAtRest(HearthConfig.defaults().withDataDir(dir)).openBox(random);
        String kid = signingKid(before);

        int exit = run(Map.of(), "--data", dir.toString());

        assertThat(exit).as(err.toString()).isZero();
        SecretKeys after = new SecretKeyFile(dir.resolve("secrets.keys")).read();
        assertThat(after.keys()).hasSize(1).doesNotContain(before.keys().current());
        assertThat(out.toString()).contains("Secrets key " + after.current().id() + " is now current",
                "Removed key(s): " + before.keys().current().id());
        assertThat(Files.readString(dir.resolve("signing-keys.json")))
                .contains("\"sealed\":\"v1." + after.current().id() + ".")
                .doesNotContain("v1." + before.keys().current().id() + ".");
        assertThat(signingKid(new SecretBox(after, random))).isEqualTo(kid);
    }

    @Test
    void rotate_key_is_refused_while_a_server_holds_the_data_directory_lock() throws Exception {
        new SecretsAtRest(HearthConfig.defaults().withDataDir(dir)).openBox(random);
        String keysBefore = Files.readString(dir.resolve("secrets.keys"));

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dir)) {
            int exit = run(Map.of(), "--data", dir.toString());

            assertThat(exit).isEqualTo(RotateKeyCommand.EXIT_REFUSED);
        }
        assertThat(err.toString()).startsWith("hearth: rotate-key refused: a Hearth server is using the data directory")
                .contains("Stop it");
        assertThat(Files.readString(dir.resolve("secrets.keys"))).isEqualTo(keysBefore);
    }

    @Test
    void with_a_single_key_from_the_environment_it_prints_the_steps_and_changes_nothing() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        int exit = run(Map.of("HEARTH_SECRETS_KEY", key), "--data", dir.toString());

        assertThat(exit).isEqualTo(RotateKeyCommand.EXIT_REFUSED);
        assertThat(err.toString()).contains("HEARTH_SECRETS_KEY, which Hearth cannot change", "openssl rand -base64 32",
                "HEARTH_SECRETS_KEY=<new id>:<new key>,env:<current key>").doesNotContain(key);
        assertThat(dir.resolve("secrets.keys")).doesNotExist();
    }

    @Test
    void with_several_environment_keys_it_reseals_under_the_first() throws Exception {
        String oldText = "old:" + randomKey();
        String freshText = "new:" + randomKey();
        SecretBox oldBox = new SecretBox(SecretKeys.parse(oldText, "test"), random);
        String kid = signingKid(oldBox);

        int exit = run(Map.of("HEARTH_SECRETS_KEY", freshText + "," + oldText), "--data", dir.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("now sealed under key new");
        assertThat(signingKid(new SecretBox(SecretKeys.parse(freshText, "test"), random))).isEqualTo(kid);
    }

    private String randomKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
