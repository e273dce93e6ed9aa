package dev.hearth.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.app.logging.LogFormat;
import dev.hearth.app.logging.LogLevel;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaults_are_an_embedded_sqlite_store_in_hearth_data_on_loopback_port_8080() {
        HearthConfig config = load(Map.of(), Optional.empty(), List.of()).config();

        assertThat(config.server()).isEqualTo(new HearthConfig.Server("127.0.0.1", 8080));
        assertThat(config.data().dir()).isEqualTo(Path.of("hearth-data").toAbsolutePath());
        assertThat(config.data().sqliteFile()).isEqualTo(Path.of("hearth-data", "hearth.db").toAbsolutePath());
        assertThat(config.db().url()).isEmpty();
        assertThat(config.db().schema()).isEqualTo("hearth");
        assertThat(config.db().poolSize()).isEqualTo(8);
        assertThat(config.db().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.store().sqliteSynchronous()).isEqualTo(SqliteEventStore.Synchronous.FULL);
        assertThat(config.store().groupCommit()).isEqualTo(GroupCommitSettings.DEFAULT);
        assertThat(config.log()).isEqualTo(new HearthConfig.Log(LogFormat.TEXT, LogLevel.INFO));
        assertThat(config.shutdown().grace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(HearthConfig.defaults()).isEqualTo(config);
    }

    @Test
    void each_layer_overrides_the_one_before_defaults_then_file_then_environment_then_flags() throws IOException {
        Path file = yaml("""
                server:
                  port: 1001
                  host: 10.0.0.1
                log.level: debug
                """);
        Map<String, String> env = Map.of("HEARTH_SERVER_PORT", "1002", "HEARTH_SERVER_HOST", "0.0.0.0");
        List<RawSetting> flags = List.of(new RawSetting("server.port", "1003", new ConfigOrigin.Flag("--port")));

        EffectiveConfig effective = load(env, Optional.of(file), flags);

        assertThat(effective.config().server()).isEqualTo(new HearthConfig.Server("0.0.0.0", 1003));
        assertThat(effective.config().log().level()).isEqualTo(LogLevel.DEBUG);
        assertThat(origin(effective, "server.port")).isEqualTo(new ConfigOrigin.Flag("--port"));
        assertThat(origin(effective, "server.host")).isEqualTo(new ConfigOrigin.Environment("HEARTH_SERVER_HOST"));
        assertThat(origin(effective, "log.level")).isEqualTo(new ConfigOrigin.File(file));
        assertThat(origin(effective, "shutdown.grace")).isEqualTo(new ConfigOrigin.Default());
    }

    @Test
    void nested_and_dotted_keys_in_the_file_mean_the_same() throws IOException {
        HearthConfig nested = load(Map.of(), Optional.of(yaml("store:\n  group-commit:\n    max-wait: 2ms\n")), List.of()).config();
        HearthConfig dotted = load(Map.of(), Optional.of(yaml("store.group-commit.max-wait: 2ms\n")), List.of()).config();
        HearthConfig mixed = load(Map.of(), Optional.of(yaml("store:\n  group-commit.max-wait: 2ms\n")), List.of()).config();

        assertThat(nested.store().groupCommitMaxWait()).isEqualTo(Duration.ofMillis(2));
        assertThat(dotted).isEqualTo(nested);
        assertThat(mixed).isEqualTo(nested);
    }

    @Test
    void unknown_key_in_config_file_is_rejected_naming_the_key() throws IOException {
        Path file = yaml("server:\n  prot: 9000\n");

        assertThatThrownBy(() -> load(Map.of(), Optional.of(file), List.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown key \"server.prot\" (file " + file + "): did you mean server.port?");
    }

    @Test
    void unknown_key_given_with_set_is_rejected_naming_the_flag() {
        List<RawSetting> flags = List.of(new RawSetting("colour", "red", new ConfigOrigin.Flag("--set colour")));

        assertThatThrownBy(() -> load(Map.of(), Optional.empty(), flags))
                .hasMessageContaining("unknown key \"colour\" (flag --set colour): known keys are server.host, server.port,");
    }

    @Test
    void every_problem_is_reported_at_once_naming_key_value_origin_and_what_is_allowed() throws IOException {
        Path file = yaml("log:\n  format: xml\n");
        Map<String, String> env = Map.of("HEARTH_SHUTDOWN_GRACE", "soon", "HEARTH_DB_POOL_SIZE", "1");
        List<RawSetting> flags = List.of(new RawSetting("server.port", "80x", new ConfigOrigin.Flag("--port")));

        assertThatThrownBy(() -> load(env, Optional.of(file), flags))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message)
                        .containsExactlyInAnyOrder(
                                "server.port = \"80x\" (flag --port): expected a whole number from 0 to 65535",
                                "db.pool-size = \"1\" (environment variable HEARTH_DB_POOL_SIZE): expected a whole number from 2 to 1000",
                                "log.format = \"xml\" (file " + file + "): expected one of text, json",
                                "shutdown.grace = \"soon\" (environment variable HEARTH_SHUTDOWN_GRACE): expected a duration"
                                        + " from 0s to 10m written as a number and a unit (ms, s, m, h), e.g. 250ms or 10s"))
                .hasMessageStartingWith("Invalid configuration (4 problems):\n  - ");
    }

    @Test
    void a_bad_value_overridden_by_a_later_layer_is_no_problem() throws IOException {
        Path file = yaml("server.port: not-a-port\n");

        HearthConfig config = load(Map.of("HEARTH_SERVER_PORT", "9000"), Optional.of(file), List.of()).config();

        assertThat(config.server().port()).isEqualTo(9000);
    }

    @Test
    void the_config_file_may_be_named_by_HEARTH_CONFIG() throws IOException {
        Path file = yaml("server.port: 7000\n");

        HearthConfig config = load(Map.of("HEARTH_CONFIG", file.toString()), Optional.empty(), List.of()).config();

        assertThat(config.server().port()).isEqualTo(7000);
    }

    @Test
    void a_missing_config_file_is_reported_with_the_fix() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> load(Map.of(), Optional.of(missing), List.of()))
                .hasMessageContaining("config file " + missing + ": does not exist; check --config (or HEARTH_CONFIG)");
    }

    @Test
    void malformed_yaml_is_reported_with_its_line() throws IOException {
        Path file = yaml("server:\n  port: [8080\n");

        assertThatThrownBy(() -> load(Map.of(), Optional.of(file), List.of()))
                .hasMessageContaining("config file " + file + ": is not valid YAML: ")
                .hasMessageContaining("(line ");
    }

    @Test
    void a_list_value_is_rejected_because_every_key_takes_one_value() throws IOException {
        Path file = yaml("server:\n  port:\n    - 8080\n    - 8081\n");

        assertThatThrownBy(() -> load(Map.of(), Optional.of(file), List.of()))
                .hasMessageContaining("server.port is a list; every key takes a single value");
    }

    @Test
    void a_key_set_both_nested_and_dotted_in_one_file_is_rejected() throws IOException {
        Path file = yaml("server:\n  port: 1\nserver.port: 2\n");

        assertThatThrownBy(() -> load(Map.of(), Optional.of(file), List.of()))
                .hasMessageContaining("sets server.port twice");
    }

    @Test
    void an_empty_config_file_changes_nothing() throws IOException {
        assertThat(load(Map.of(), Optional.of(yaml("")), List.of()).config()).isEqualTo(HearthConfig.defaults());
    }

    @Test
    void durations_take_a_unit_zero_or_iso_8601() {
        assertThat(grace("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(grace("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(grace("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(grace("0")).isEqualTo(Duration.ZERO);
        assertThat(grace("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> grace("3")).hasMessageContaining("shutdown.grace = \"3\"");
        assertThatThrownBy(() -> grace("11m")).hasMessageContaining("from 0s to 10m");
    }

    @Test
    void choices_ignore_case() {
        Map<String, String> env = Map.of("HEARTH_LOG_FORMAT", "JSON", "HEARTH_STORE_SQLITE_SYNCHRONOUS", "normal");

        HearthConfig config = load(env, Optional.empty(), List.of()).config();

        assertThat(config.log().format()).isEqualTo(LogFormat.JSON);
        assertThat(config.store().sqliteSynchronous()).isEqualTo(SqliteEventStore.Synchronous.NORMAL);
    }

    @Test
    void a_postgresql_url_in_HEARTH_DB_URL_selects_postgresql_and_its_credentials() {
        Map<String, String> env = Map.of("HEARTH_DB_URL", "postgresql://gm:s3cret@db.example:5433/hearth");

        HearthConfig.Db db = load(env, Optional.empty(), List.of()).config().db();

        assertThat(db.url()).map(DatabaseUrl::jdbcUrl).hasValue("jdbc:postgresql://db.example:5433/hearth");
        assertThat(db.effectiveUser()).hasValue("gm");
        assertThat(db.effectivePassword()).map(Secret::value).hasValue("s3cret");
    }

    @Test
    void db_user_and_password_keys_take_precedence_over_the_urls_credentials() {
        Map<String, String> env = Map.of(
                "HEARTH_DB_URL", "postgresql://gm:s3cret@db.example/hearth",
                "HEARTH_DB_USER", "admin",
                "HEARTH_DB_PASSWORD", "other");

        HearthConfig.Db db = load(env, Optional.empty(), List.of()).config().db();

        assertThat(db.effectiveUser()).hasValue("admin");
        assertThat(db.effectivePassword()).map(Secret::value).hasValue("other");
    }

    @Test
    void an_unknown_HEARTH_variable_is_a_warning_not_an_error() {
        EffectiveConfig effective = load(Map.of("HEARTH_SERVER_PROT", "1", "HEARTH_JVM_DIR", "/usr/lib/jvm"),
                Optional.empty(), List.of());

        assertThat(effective.warnings()).containsExactly("environment variable HEARTH_SERVER_PROT is not a Hearth"
                + " setting and is ignored (docs/configuration.md lists them)");
    }

    @Test
    void with_data_dir_moves_the_sqlite_file() {
        HearthConfig config = HearthConfig.defaults().withDataDir(dir);

        assertThat(config.data().sqliteFile()).isEqualTo(dir.resolve("hearth.db"));
        assertThat(config.db()).isEqualTo(HearthConfig.defaults().db());
    }

    private Duration grace(String value) {
        return load(Map.of("HEARTH_SHUTDOWN_GRACE", value), Optional.empty(), List.of()).config().shutdown().grace();
    }

    private static EffectiveConfig load(Map<String, String> env, Optional<Path> file, List<RawSetting> flags) {
        return new ConfigLoader(env).load(file, flags);
    }

    private static ConfigOrigin origin(EffectiveConfig effective, String key) {
        return effective.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().origin();
    }

    private Path yaml(String text) throws IOException {
        Path file = Files.createTempFile(dir, "hearth", ".yaml");
        Files.writeString(file, text);
        return file;
    }
}
