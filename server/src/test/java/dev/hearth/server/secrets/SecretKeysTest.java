package dev.hearth.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_B = Base64.getEncoder().encodeToString(filled(32, 7));

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();

    @Test
    void a_bare_base64_key_from_the_environment_is_the_current_key_env() {
        SecretKeys keys = SecretKeys.parse(KEY_A, "HEARTH_SECRETS_KEY");

        assertThat(keys.current().id()).isEqualTo("env");
        assertThat(keys.keys()).hasSize(1);
    }

    @Test
    void several_environment_keys_with_ids_put_the_first_current() {
        SecretKeys keys = SecretKeys.parse("new:" + KEY_B + ", old:" + KEY_A, "HEARTH_SECRETS_KEY");

        assertThat(keys.current().id()).isEqualTo("new");
        assertThat(keys.find("old")).isPresent();
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_without_echoing_it() {
        String shortKey = Base64.getEncoder().encodeToString(filled(16, 3));

        assertThatThrownBy(() -> SecretKeys.parse(shortKey, "HEARTH_SECRETS_KEY"))
                .isInstanceOf(SecretKeysException.class)
                .hasMessageContaining("HEARTH_SECRETS_KEY")
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretKeys.parse("not base64!", "HEARTH_SECRETS_KEY"))
                .isInstanceOf(SecretKeysException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> SecretKeys.parse("a:" + KEY_A + ",a:" + KEY_B, "HEARTH_SECRETS_KEY"))
                .isInstanceOf(SecretKeysException.class).hasMessageContaining("share the id a");
    }

    @Test
    void the_key_file_is_created_owner_only_with_one_key_and_read_back() throws Exception {
        SecretKeyFile file = new SecretKeyFile(dir.resolve("secrets.keys"));

        SecretKeys created = file.openOrCreate(random);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(created.keys()).hasSize(1);
        assertThat(file.openOrCreate(random)).isEqualTo(created);
    }

    @Test
    void a_key_file_readable_by_group_or_others_is_refused_with_the_chmod_fix() throws Exception {
        SecretKeyFile file = new SecretKeyFile(dir.resolve("secrets.keys"));
        file.openOrCreate(random);
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(file::read)
                .isInstanceOf(SecretKeysException.class)
                .hasMessageContaining("may be read by group or others")
                .hasMessageContaining("chmod 600 " + file.path());
    }

    @Test
    void a_garbled_key_file_is_refused_naming_the_file_never_the_key() throws Exception {
        Path path = dir.resolve("secrets.keys");
        SecretKeyFile file = new SecretKeyFile(path);
        for (String content : new String[] {"{", "{}", "{\"version\":1,\"keys\":[]}",
                "{\"version\":1,\"keys\":[{\"id\":\"a\",\"key\":\"" + Base64.getEncoder().encodeToString(filled(31, 1)) + "\"}]}",
                "{\"version\":1,\"keys\":[{\"id\":\"a.b\",\"key\":\"" + KEY_A + "\"}]}"}) {
            OwnerOnlyFile.write(path, content.getBytes());
            assertThatThrownBy(file::read).as(content)
                    .isInstanceOf(SecretKeysException.class)
                    .hasMessageContaining(path.toString())
                    .hasMessageNotContaining(KEY_A);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
