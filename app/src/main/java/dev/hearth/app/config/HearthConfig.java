package dev.hearth.app.config;

import dev.hearth.app.logging.LogFormat;
import dev.hearth.app.logging.LogLevel;
import dev.hearth.server.auth.AuthSettings;
import dev.hearth.server.auth.PasswordHashParameters;
import dev.hearth.store.GroupCommitSettings;
import dev.hearth.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hearth's whole configuration, typed and checked. Built by {@link ConfigLoader} from defaults, a
 * file, the environment and flags; every key is documented in docs/configuration.md.
 */
public record HearthConfig(Server server, Data data, Db db, Store store, Auth auth, Log log, Shutdown shutdown,
        Secrets secrets, Realtime realtime, Images images) {

    /** {@code images.*}: the shared map's uploaded images. */
    public record Images(int campaignQuotaMb) {
        /** The quota in bytes (MiB, as the key's name says). */
        public long campaignQuotaBytes() {
            return campaignQuotaMb * 1024L * 1024L;
        }
    }

    /** {@code realtime.*}: who may announce on the system channel. */
    public record Realtime(List<String> admins) {
        public Realtime {
            admins = List.copyOf(admins);
        }
    }

    /** {@code server.*}: where HTTP listens. */
    public record Server(String host, int port) {}

    /** {@code data.*}: the directory Hearth owns (the SQLite file and the lock). */
    public record Data(Path dir) {
        /** The keys that sign access tokens (owner-only). */
        public Path signingKeysFile() {
            return dir.resolve("signing-keys.json");
        }

        /** The embedded store's database file. */
        public Path sqliteFile() {
            return dir.resolve("hearth.db");
        }
    }

    /**
     * {@code db.*}: the PostgreSQL store, used when {@code url} is present; otherwise the SQLite file.
     * {@code user} and {@code password} given as keys take precedence over those inside the URL.
     */
    public record Db(Optional<DatabaseUrl> url, String user, Secret password, String schema, int poolSize,
            Duration connectTimeout) {

        /** The user to connect as: {@code db.user}, else the URL's. */
        public Optional<String> effectiveUser() {
            return user.isEmpty() ? url.flatMap(DatabaseUrl::user) : Optional.of(user);
        }

        /** The password to connect with: {@code db.password}, else the URL's. */
        public Optional<Secret> effectivePassword() {
            return password.isEmpty() ? url.flatMap(DatabaseUrl::password) : Optional.of(password);
        }
    }

    /** {@code store.*}: durability and group commit. */
    public record Store(SqliteEventStore.Synchronous sqliteSynchronous, int groupCommitMaxBatch,
            Duration groupCommitMaxWait, int queueCapacity) {

        public GroupCommitSettings groupCommit() {
            return new GroupCommitSettings(groupCommitMaxBatch, groupCommitMaxWait, queueCapacity);
        }
    }

    /** {@code auth.*}: local mode or accounts; tokens and the keys that sign them. */
    public record Auth(AuthMode mode, String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
            Duration signingKeyRotation, List<String> allowedOrigins, boolean cookieSecure, int passwordHashMemoryKib,
            int passwordHashIterations, int passwordHashParallelism, int registrationsPerIp) {

        public Auth {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        public AuthSettings settings() {
            return new AuthSettings(issuer, audience, accessTokenTtl, refreshTokenTtl, allowedOrigins, cookieSecure,
                    new PasswordHashParameters(passwordHashMemoryKib, passwordHashIterations, passwordHashParallelism),
                    registrationsPerIp);
        }
    }

    /**
     * {@code secrets.*}: the keys that seal secrets at rest. {@code key} (from {@code HEARTH_SECRETS_KEY})
     * wins over the key file; an empty {@code keyFile} means {@code <data.dir>/secrets.keys}.
     */
    public record Secrets(String keyFile, Secret key) {}

    /** The secrets key file: {@code secrets.key-file}, else {@code secrets.keys} in the data directory. */
    public Path secretsKeyFile() {
        return secrets.keyFile().isBlank() ? data.dir().resolve("secrets.keys")
                : Path.of(secrets.keyFile().strip()).toAbsolutePath().normalize();
    }

    /** {@code log.*}. */
    public record Log(LogFormat format, LogLevel level) {}

    /** {@code shutdown.*}. */
    public record Shutdown(Duration grace) {}

    /** Every key at its default: SQLite in {@code ./hearth-data}, {@code 127.0.0.1:8080}. */
    public static HearthConfig defaults() {
        return new ConfigLoader(Map.of()).load(Optional.empty(), List.of()).config();
    }

    /** This configuration with its data (and so its SQLite file) in {@code dir}. */
    public HearthConfig withDataDir(Path dir) {
        return new HearthConfig(server, new Data(dir.toAbsolutePath().normalize()), db, store, auth, log, shutdown, secrets,
                realtime, images);
    }

    static HearthConfig from(TypedValues v) {
        return new HearthConfig(
                new Server(v.get(ConfigKey.SERVER_HOST), v.get(ConfigKey.SERVER_PORT)),
                new Data(v.get(ConfigKey.DATA_DIR)),
                new Db(v.get(ConfigKey.DB_URL), v.get(ConfigKey.DB_USER), v.get(ConfigKey.DB_PASSWORD),
                        v.get(ConfigKey.DB_SCHEMA), v.get(ConfigKey.DB_POOL_SIZE), v.get(ConfigKey.DB_CONNECT_TIMEOUT)),
                new Store(v.get(ConfigKey.STORE_SQLITE_SYNCHRONOUS), v.get(ConfigKey.STORE_GROUP_COMMIT_MAX_BATCH),
                        v.get(ConfigKey.STORE_GROUP_COMMIT_MAX_WAIT), v.get(ConfigKey.STORE_QUEUE_CAPACITY)),
                new Auth(v.get(ConfigKey.AUTH_MODE), v.get(ConfigKey.AUTH_ISSUER), v.get(ConfigKey.AUTH_AUDIENCE), v.get(ConfigKey.AUTH_ACCESS_TOKEN_TTL),
                        v.get(ConfigKey.AUTH_REFRESH_TOKEN_TTL), v.get(ConfigKey.AUTH_SIGNING_KEY_ROTATION),
                        v.get(ConfigKey.AUTH_ALLOWED_ORIGINS), v.get(ConfigKey.AUTH_COOKIE_SECURE),
                        v.get(ConfigKey.AUTH_PASSWORD_HASH_MEMORY_KIB), v.get(ConfigKey.AUTH_PASSWORD_HASH_ITERATIONS),
                        v.get(ConfigKey.AUTH_PASSWORD_HASH_PARALLELISM), v.get(ConfigKey.AUTH_REGISTRATIONS_PER_IP)),
                new Log(v.get(ConfigKey.LOG_FORMAT), v.get(ConfigKey.LOG_LEVEL)),
                new Shutdown(v.get(ConfigKey.SHUTDOWN_GRACE)),
                new Secrets(v.get(ConfigKey.SECRETS_KEY_FILE), v.get(ConfigKey.SECRETS_KEY)),
                new Realtime(v.get(ConfigKey.REALTIME_ADMINS)),
                new Images(v.get(ConfigKey.IMAGES_CAMPAIGN_QUOTA_MB)));
    }
}
