package dev.hearth.app.config;

import dev.hearth.app.logging.LogFormat;
import dev.hearth.app.logging.LogLevel;
import dev.hearth.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key: its dotted name, its default, the type of its value, and whether the value
 * is secret. {@link #ALL} lists every key; docs/configuration.md documents each (a test checks).
 *
 * @param <T> the typed value
 */
public final class ConfigKey<T> {

    public static final ConfigKey<String> SERVER_HOST = new ConfigKey<>("server.host", "127.0.0.1",
            new ValueType.Text(Pattern.compile("[^\\s]+"), "a host name or IP address of this machine, e.g. 127.0.0.1 or 0.0.0.0"));
    public static final ConfigKey<Integer> SERVER_PORT = new ConfigKey<>("server.port", "8080",
            new ValueType.WholeNumber(0, 65_535));
    public static final ConfigKey<Path> DATA_DIR = new ConfigKey<>("data.dir", "./hearth-data",
            new ValueType.FilePath());
    public static final ConfigKey<Optional<DatabaseUrl>> DB_URL = new ConfigKey<>("db.url", "",
            new ValueType.PostgresLocation());
    public static final ConfigKey<String> DB_USER = new ConfigKey<>("db.user", "",
            new ValueType.AnyText());
    public static final ConfigKey<Secret> DB_PASSWORD = new ConfigKey<>("db.password", "",
            new ValueType.SecretText());
    public static final ConfigKey<String> DB_SCHEMA = new ConfigKey<>("db.schema", "hearth",
            new ValueType.Text(Pattern.compile("[a-z_][a-z0-9_]{0,62}"),
                    "a PostgreSQL schema name: lower-case letters, digits and _, not starting with a digit, at most 63 characters"));
    public static final ConfigKey<Integer> DB_POOL_SIZE = new ConfigKey<>("db.pool-size", "8",
            new ValueType.WholeNumber(2, 1_000));
    public static final ConfigKey<Duration> DB_CONNECT_TIMEOUT = new ConfigKey<>("db.connect-timeout", "5s",
            new ValueType.TimeSpan(Duration.ofMillis(250), Duration.ofMinutes(10)));
    public static final ConfigKey<SqliteEventStore.Synchronous> STORE_SQLITE_SYNCHRONOUS = new ConfigKey<>(
            "store.sqlite.synchronous", "full", new ValueType.Choice<>(SqliteEventStore.Synchronous.class));
    public static final ConfigKey<Integer> STORE_GROUP_COMMIT_MAX_BATCH = new ConfigKey<>(
            "store.group-commit.max-batch", "1024", new ValueType.WholeNumber(1, 100_000));
    public static final ConfigKey<Duration> STORE_GROUP_COMMIT_MAX_WAIT = new ConfigKey<>(
            "store.group-commit.max-wait", "0ms", new ValueType.TimeSpan(Duration.ZERO, Duration.ofSeconds(1)));
    public static final ConfigKey<Integer> STORE_QUEUE_CAPACITY = new ConfigKey<>("store.queue-capacity", "10000",
            new ValueType.WholeNumber(1, 10_000_000));
    public static final ConfigKey<LogFormat> LOG_FORMAT = new ConfigKey<>("log.format", "text",
            new ValueType.Choice<>(LogFormat.class));
    public static final ConfigKey<LogLevel> LOG_LEVEL = new ConfigKey<>("log.level", "info",
            new ValueType.Choice<>(LogLevel.class));
    public static final ConfigKey<Duration> SHUTDOWN_GRACE = new ConfigKey<>("shutdown.grace", "10s",
            new ValueType.TimeSpan(Duration.ZERO, Duration.ofMinutes(10)));

    public static final ConfigKey<AuthMode> AUTH_MODE = new ConfigKey<>("auth.mode", "accounts",
            new ValueType.Choice<>(AuthMode.class));
    public static final ConfigKey<String> AUTH_ISSUER = new ConfigKey<>("auth.issuer", "hearth",
            new ValueType.Text(Pattern.compile("[^\\s]{1,200}"), "text without spaces, at most 200 characters (often the public URL)"));
    public static final ConfigKey<String> AUTH_AUDIENCE = new ConfigKey<>("auth.audience", "hearth",
            new ValueType.Text(Pattern.compile("[^\\s]{1,200}"), "text without spaces, at most 200 characters"));
    public static final ConfigKey<Duration> AUTH_ACCESS_TOKEN_TTL = new ConfigKey<>("auth.access-token-ttl", "15m",
            new ValueType.TimeSpan(Duration.ofMinutes(1), Duration.ofHours(1)));
    public static final ConfigKey<Duration> AUTH_REFRESH_TOKEN_TTL = new ConfigKey<>("auth.refresh-token-ttl", "168h",
            new ValueType.TimeSpan(Duration.ofHours(1), Duration.ofDays(90)));
    public static final ConfigKey<Duration> AUTH_SIGNING_KEY_ROTATION = new ConfigKey<>("auth.signing-key-rotation",
            "720h", new ValueType.TimeSpan(Duration.ofHours(1), Duration.ofDays(365)));
    public static final ConfigKey<List<String>> AUTH_ALLOWED_ORIGINS = new ConfigKey<>("auth.allowed-origins", "",
            new ValueType.OriginList());
    public static final ConfigKey<Boolean> AUTH_COOKIE_SECURE = new ConfigKey<>("auth.cookie-secure", "true",
            new ValueType.Flag());
    // The lower bounds are OWASP's minimum for Argon2id: configuration can only make hashing stronger.
    public static final ConfigKey<Integer> AUTH_PASSWORD_HASH_MEMORY_KIB = new ConfigKey<>(
            "auth.password-hash.memory-kib", "19456", new ValueType.WholeNumber(19_456, 4_194_304));
    public static final ConfigKey<Integer> AUTH_PASSWORD_HASH_ITERATIONS = new ConfigKey<>(
            "auth.password-hash.iterations", "2", new ValueType.WholeNumber(2, 100));
    public static final ConfigKey<Integer> AUTH_PASSWORD_HASH_PARALLELISM = new ConfigKey<>(
            "auth.password-hash.parallelism", "1", new ValueType.WholeNumber(1, 64));
    public static final ConfigKey<Integer> AUTH_REGISTRATIONS_PER_IP = new ConfigKey<>(
            "auth.registrations-per-ip", "5", new ValueType.WholeNumber(1, 1_000_000));

    // Real time (docs/protocol.md).
    public static final ConfigKey<List<String>> REALTIME_ADMINS = new ConfigKey<>("realtime.admins", "",
            new ValueType.UsernameList());

    // The shared map's images (docs/api.md): how much each campaign may store, in MiB.
    public static final ConfigKey<Integer> IMAGES_CAMPAIGN_QUOTA_MB = new ConfigKey<>("images.campaign-quota-mb", "500",
            new ValueType.WholeNumber(1, 1_048_576));

    // Secrets at rest: the keys that seal secrets in the data directory (see docs/operations.md).
    public static final ConfigKey<String> SECRETS_KEY_FILE = new ConfigKey<>("secrets.key-file", "",
            new ValueType.Text(Pattern.compile("[^\\x00]*"),
                    "a file path, absolute or relative to the working directory; empty for <data.dir>/secrets.keys"));
    public static final ConfigKey<Secret> SECRETS_KEY = new ConfigKey<>("secrets.key", "", new ValueType.SecretText());

    /** Every key, in the order they are documented and logged. */
    public static final List<ConfigKey<?>> ALL = List.of(
            SERVER_HOST, SERVER_PORT, DATA_DIR,
            DB_URL, DB_USER, DB_PASSWORD, DB_SCHEMA, DB_POOL_SIZE, DB_CONNECT_TIMEOUT,
            STORE_SQLITE_SYNCHRONOUS, STORE_GROUP_COMMIT_MAX_BATCH, STORE_GROUP_COMMIT_MAX_WAIT, STORE_QUEUE_CAPACITY,
            AUTH_MODE, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_ACCESS_TOKEN_TTL, AUTH_REFRESH_TOKEN_TTL, AUTH_SIGNING_KEY_ROTATION,
            AUTH_ALLOWED_ORIGINS, AUTH_COOKIE_SECURE, AUTH_PASSWORD_HASH_MEMORY_KIB, AUTH_PASSWORD_HASH_ITERATIONS,
            AUTH_PASSWORD_HASH_PARALLELISM, AUTH_REGISTRATIONS_PER_IP,
            REALTIME_ADMINS,
            IMAGES_CAMPAIGN_QUOTA_MB,
            SECRETS_KEY_FILE, SECRETS_KEY,
            LOG_FORMAT, LOG_LEVEL, SHUTDOWN_GRACE);

    private final String name;
    private final String defaultValue;
    private final ValueType<T> type;

    private ConfigKey(String name, String defaultValue, ValueType<T> type) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.type = type;
    }

    /** The key with this dotted name, if there is one. */
    public static Optional<ConfigKey<?>> named(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).<ConfigKey<?>>map(k -> k).findFirst();
    }

    public String name() {
        return name;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The environment variable that sets it: {@code server.port} is {@code HEARTH_SERVER_PORT}. */
    public String environmentVariable() {
        return "HEARTH_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** True for values that are never logged or shown (passwords). */
    public boolean secret() {
        return type instanceof ValueType.SecretText;
    }

    /** The value as it may be shown: secrets masked, and a password inside a database URL too. */
    public String display(String value) {
        if (secret()) {
            return value.isEmpty() ? "" : Secret.MASK;
        }
        return this == DB_URL ? DatabaseUrl.mask(value) : value;
    }

    @Override
    public String toString() {
        return name;
    }
}
