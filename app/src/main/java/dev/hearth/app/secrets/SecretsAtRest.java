package dev.hearth.app.secrets;

import dev.hearth.app.config.HearthConfig;
import dev.hearth.server.auth.SigningKeyFile;
import dev.hearth.server.secrets.Resealable;
import dev.hearth.server.secrets.SecretBox;
import dev.hearth.server.secrets.SecretKeyFile;
import dev.hearth.server.secrets.SecretKeys;
import java.security.SecureRandom;
import java.util.List;

/**
 * Where a configuration's secrets keys come from, and every place its secrets are sealed. A new
 * secret field (GM-only notes, integration credentials) is sealed with the same {@link SecretBox}
 * and added to {@link #sealedPlaces()}, which is all key rotation needs to cover it.
 */
public final class SecretsAtRest {

    /** Names {@code secrets.key} where operators set it. */
    public static final String KEY_VARIABLE = "HEARTH_SECRETS_KEY";

    /** Where the keys are. */
    public sealed interface KeySource {

        /** In a key file Hearth creates and rotates. */
        record File(SecretKeyFile file) implements KeySource {}

        /** In {@code HEARTH_SECRETS_KEY}, kept outside the data directory; Hearth can only read them. */
        record Environment(SecretKeys keys) implements KeySource {}
    }

    private final HearthConfig config;

    public SecretsAtRest(HearthConfig config) {
        this.config = config;
    }

    /**
     * @throws dev.hearth.server.secrets.SecretKeysException when {@code secrets.key} is not a valid key list
     */
    public KeySource keySource() {
        if (!config.secrets().key().isEmpty()) {
            return new KeySource.Environment(SecretKeys.parse(config.secrets().key().value(),
                    "secrets.key (" + KEY_VARIABLE + ")"));
        }
        return new KeySource.File(new SecretKeyFile(config.secretsKeyFile()));
    }

    /**
     * The box a server seals with: keys from the environment, or from the key file, which is created
     * with one random key on first start.
     *
     * @throws dev.hearth.server.secrets.SecretKeysException when the keys cannot be used
     */
    public SecretBox openBox(SecureRandom random) {
        SecretKeys keys = switch (keySource()) {
            case KeySource.Environment env -> env.keys();
            case KeySource.File file -> file.file().openOrCreate(random);
        };
        return new SecretBox(keys, random);
    }

    /** Every place that keeps secrets sealed; today the private signing keys. */
    public List<Resealable> sealedPlaces() {
        return List.of(new SigningKeyFile(config.data().signingKeysFile()));
    }
}
