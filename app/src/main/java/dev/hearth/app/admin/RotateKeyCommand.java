package dev.hearth.app.admin;

import dev.hearth.app.config.ConfigLoader;
import dev.hearth.app.config.ConfigOptions;
import dev.hearth.app.config.HearthConfig;
import dev.hearth.app.config.InvalidConfigException;
import dev.hearth.app.config.RawSetting;
import dev.hearth.app.secrets.SecretsAtRest;
import dev.hearth.app.secrets.SecretsAtRest.KeySource;
import dev.hearth.app.store.DataDirectoryLock;
import dev.hearth.server.secrets.KeyRotation;
import dev.hearth.server.secrets.SecretBoxException;
import dev.hearth.server.secrets.SecretKeys;
import dev.hearth.server.secrets.SecretKeysException;
import dev.hearth.store.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth admin rotate-key}: a new secrets key, every sealed secret re-sealed under it, the old
 * key removed (see {@link KeyRotation} for the crash-safe order). It holds the data directory lock
 * throughout, so it refuses while a server runs there: a running server keeps its secrets in memory
 * and would write them back under the old key.
 *
 * <p>With keys from {@code HEARTH_SECRETS_KEY} it cannot change the key list; it re-seals under the
 * first key when there are several, and otherwise prints the steps.
 *
 * <p>Exit codes: 0 rotated (or re-sealed), 1 refused or failed, 2 for a configuration or usage problem.
 */
@Command(name = "rotate-key", sortOptions = false,
        description = {
            "Adds a new secrets key, re-seals every secret under it and removes the old key.",
            "Stop Hearth first; back up the key file afterwards, with the data directory."
        })
public final class RotateKeyCommand implements Callable<Integer> {

    public static final int EXIT_REFUSED = 1;
    public static final int EXIT_INVALID_CONFIG = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;



    @Mixin
    private ConfigOptions options = new ConfigOptions();

    private final Map<String, String> environment;

    public RotateKeyCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HearthConfig config;
        try {
            config = new ConfigLoader(environment).load(options.configFile(), flagSettings()).config();
        } catch (InvalidConfigException e) {
            return fail(err, e.getMessage(), EXIT_INVALID_CONFIG);
        }
        Path dir = config.data().dir();
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(dir);
        } catch (StoreException e) {
            return fail(err, "rotate-key refused: a Hearth server is using the data directory " + dir
                    + " (it holds " + DataDirectoryLock.FILE_NAME + "). Stop it, run rotate-key, then start it again:"
                    + " a running server would write its secrets back under the old key.", EXIT_REFUSED);
        }
        try (lock) {
            SecretsAtRest secrets = new SecretsAtRest(config);
            KeyRotation rotation = new KeyRotation(secrets.sealedPlaces(), new SecureRandom());
            return switch (secrets.keySource()) {
                case KeySource.File file -> {
                    KeyRotation.Rotated rotated = rotation.rotate(file.file());
                    out.println("Secrets key " + rotated.newKeyId() + " is now current in " + file.file().path() + ".");
                    rotated.resealed().forEach(place -> out.println("Re-sealed: " + place));
                    out.println("Removed key(s): " + String.join(", ", rotated.removedKeyIds())
                            + ". Back up " + file.file().path() + " now, together with the data directory.");
                    out.flush();
                    yield 0;
                }
                case KeySource.Environment env -> environmentKeys(env.keys(), rotation, out, err);
            };
        } catch (SecretKeysException | SecretBoxException | IllegalStateException | UncheckedIOException e) {
            return fail(err, "rotate-key failed: " + e.getMessage()
                    + " Every secret is still readable with the keys in place; fix the cause and run it again.", EXIT_REFUSED);
        }
    }

    private static int environmentKeys(SecretKeys keys, KeyRotation rotation, PrintWriter out, PrintWriter err) {
        String variable = SecretsAtRest.KEY_VARIABLE;
        if (keys.keys().size() == 1) {
            return fail(err, "the secrets key comes from " + variable + ", which Hearth cannot change. To rotate it:\n"
                    + "  1. generate a key: openssl rand -base64 32\n"
                    + "  2. set " + variable + "=<new id>:<new key>," + keys.current().id() + ":<current key> (the new key first)\n"
                    + "  3. run 'hearth admin rotate-key' again: it re-seals every secret under the new key\n"
                    + "  4. set " + variable + "=<new id>:<new key> alone, and start Hearth", EXIT_REFUSED);
        }
        rotation.resealUnder(keys).forEach(place -> out.println("Re-sealed: " + place));
        out.println("Every secret is now sealed under key " + keys.current().id() + ". Remove the other keys from "
                + variable + " (keep only " + keys.current().id() + ":<key>) before starting Hearth.");
        out.flush();
        return 0;
    }

    private static int fail(PrintWriter err, String message, int exitCode) {
        err.println("hearth: " + message);
        err.flush();
        return exitCode;
    }

    private List<RawSetting> flagSettings() {
        List<RawSetting> flags = options.settings();
        options.addData(flags);
        return flags;
    }
}
