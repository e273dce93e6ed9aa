package dev.hearth.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * which carries its own parameters: a hash stays verifiable after the parameters change, and {@link
 * Check#MATCH_NEEDS_REHASH} tells the caller to store a stronger one.
 */
public final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    /** What checking a password against a stored hash found. */
    public enum Check { MISMATCH, MATCH, MATCH_NEEDS_REHASH }

    private final PasswordHashParameters parameters;
    private final SecureRandom random;

    public PasswordHasher(PasswordHashParameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
    }

    public PasswordHashParameters parameters() {
        return parameters;
    }

    /** A new hash of {@code password} with a fresh salt and the current parameters. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Checks {@code password} against {@code encoded}; a string that is no Argon2id hash never matches. */
    public Check check(String password, String encoded) {
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Check.MISMATCH;
        }
        PasswordHashParameters stored;
        try {
            stored = new PasswordHashParameters(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            return Check.MISMATCH;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = argon2(password, salt, stored, expected.length);
        if (!MessageDigest.isEqual(expected, actual)) { // constant time: no timing hint about the hash
            return Check.MISMATCH;
        }
        return parameters.strongerThan(stored) ? Check.MATCH_NEEDS_REHASH : Check.MATCH;
    }

    private static byte[] argon2(String password, byte[] salt, PasswordHashParameters p, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
