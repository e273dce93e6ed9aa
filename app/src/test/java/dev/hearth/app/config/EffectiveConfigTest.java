package dev.hearth.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectiveConfigTest {

    @Test
    void the_logged_configuration_masks_the_password_and_the_password_inside_the_db_url() {
        Map<String, String> env = Map.of(
                "HEARTH_DB_URL", "postgresql://gm:url-secret@db/hearth",
                "HEARTH_DB_PASSWORD", "key-secret");

        String logged = new ConfigLoader(env).load(Optional.empty(), List.of()).describe();

        assertThat(logged)
                .doesNotContain("url-secret")
                .doesNotContain("key-secret")
                .contains("db.url = postgresql://gm:****@db/hearth  (environment variable HEARTH_DB_URL)")
                .contains("db.password = ****  (environment variable HEARTH_DB_PASSWORD)");
    }

    @Test
    void the_logged_configuration_lists_every_key_with_its_origin() {
        List<RawSetting> flags = List.of(new RawSetting("server.port", "0", new ConfigOrigin.Flag("--port")));

        String logged = new ConfigLoader(Map.of()).load(Optional.empty(), flags).describe();

        assertThat(logged).startsWith("effective configuration:\n  server.host = 127.0.0.1  (default)\n");
        assertThat(logged).contains("\n  server.port = 0  (flag --port)\n");
        assertThat(logged).contains("\n  db.url = \"\"  (default)\n");
        ConfigKey.ALL.forEach(key -> assertThat(logged).contains("\n  " + key.name() + " = "));
    }

    @Test
    void a_rejected_db_url_is_shown_masked_in_the_problem() {
        Map<String, String> env = Map.of("HEARTH_DB_URL", "mysql://root:topsecret@db/x");

        try {
            new ConfigLoader(env).load(Optional.empty(), List.of());
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).contains("db.url = \"mysql://root:****@db/x\"").doesNotContain("topsecret");
            return;
        }
        throw new AssertionError("a MySQL URL was accepted");
    }
}
