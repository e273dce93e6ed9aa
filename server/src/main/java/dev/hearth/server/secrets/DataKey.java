package dev.hearth.server.secrets;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key and the id that names it inside every ciphertext it seals. {@link #toString()}
 * shows the id only, so a key never reaches a log by accident.
 */
public final class DataKey {

    /** AES-256. */
    public static final int LENGTH_BYTES = 32;

    // The id travels inside ciphertexts between dots, so it must not contain one.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String id;
    private final byte[] bytes;

    /**
     * @throws SecretKeysException if the id is not 1 to 64 letters, digits, {@code _} or {@code -},
     *     or the key is not 32 bytes
     */
    public DataKey(String id, byte[] bytes) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new SecretKeysException("a secrets key id must be 1 to 64 letters, digits, _ or -");
        }
        if (bytes.length != LENGTH_BYTES) {
            throw new SecretKeysException("secrets key " + id + " has " + bytes.length + " bytes; AES-256 needs "
                    + LENGTH_BYTES + " (generate one with: openssl rand -base64 32)");
        }
        this.id = id;
        this.bytes = bytes.clone();
    }

    /** A new random key with a random id. */
    public static DataKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH_BYTES];
        random.nextBytes(bytes);
        return new DataKey(UUID.randomUUID().toString().substring(0, 8), bytes);
    }

    public String id() {
        return id;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataKey other && id.equals(other.id) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
