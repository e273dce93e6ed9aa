package dev.hearth.server.secrets;

import dev.hearth.server.secrets.SecretBoxException.Failure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage: AES-256-GCM under the current key, a fresh random 96-bit nonce each
 * time, and a purpose bound in as associated data, so a ciphertext opens only where it was meant to
 * be read. Every place that stores a secret (signing keys today; GM-only notes and integration
 * credentials later) goes through one box.
 *
 * <p>Sealed form: {@code v1.<kid>.<check>.<base64url(nonce | ciphertext | tag)>}. The key id says
 * which key opens it, so keys rotate without a flag day. {@code check} is the first 6 bytes of
 * SHA-256 of the purpose: it lets a wrong purpose be told apart from tampering (GCM alone says only
 * "does not verify"); it hides nothing, as purposes are names in the code, and changing it cannot
 * help an attacker, because the whole header is authenticated as associated data too.
 *
 * <p>Random nonces are safe for about 2^32 seals per key (NIST SP 800-38D); rotation resets the
 * count long before a table server gets near it.
 */
public final class SecretBox {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int CHECK_BYTES = 6;
    private static final Pattern SEALED = Pattern.compile("([^.]*)\\.([^.]*)\\.([^.]*)\\.([^.]*)");

    private final SecretKeys keys;
    private final SecureRandom random;

    public SecretBox(SecretKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** The keys this box seals and opens with. */
    public SecretKeys keys() {
        return keys;
    }

    /**
     * Seals {@code plaintext} under the current key for {@code purpose}, e.g. {@code "signing-key:<kid>"}:
     * name the field and, where records are alike, the record, so no ciphertext fits another slot.
     */
    public String seal(byte[] plaintext, String purpose) {
        DataKey key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String header = VERSION + "." + key.id() + "." + check(purpose) + ".";
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, purpose));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return header + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Seals text as UTF-8. */
    public String seal(String plaintext, String purpose) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), purpose);
    }

    /**
     * Opens what {@link #seal} sealed for the same purpose, under any known key.
     *
     * @throws SecretBoxException saying which of the {@link Failure}s it is
     */
    public byte[] open(String sealed, String purpose) {
        Matcher m = SEALED.matcher(sealed);
        if (!m.matches()) {
            throw new SecretBoxException(Failure.MALFORMED, "not a sealed secret: expected version.kid.check.payload");
        }
        if (!m.group(1).equals(VERSION)) {
            throw new SecretBoxException(Failure.UNSUPPORTED_VERSION, "sealed secret has format version \""
                    + printable(m.group(1)) + "\"; this Hearth reads " + VERSION);
        }
        String kid = m.group(2);
        DataKey key = keys.find(kid).orElseThrow(() -> new SecretBoxException(Failure.UNKNOWN_KEY,
                "sealed secret needs secrets key \"" + printable(kid) + "\", which is not among the known keys"));
        if (!m.group(3).equals(check(purpose))) {
            throw new SecretBoxException(Failure.WRONG_PURPOSE, "sealed secret was not sealed for " + purpose);
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(m.group(4));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException(Failure.MALFORMED, "sealed secret payload is not base64url");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException(Failure.MALFORMED, "sealed secret payload is too short for a nonce and a tag");
        }
        String header = sealed.substring(0, m.start(4));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(header, purpose));
            return cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException(Failure.TAMPERED, "sealed secret (key " + kid + ", " + purpose
                    + ") does not verify: it was changed or damaged");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Opens text sealed by {@link #seal(String, String)}. */
    public String openText(String sealed, String purpose) {
        return new String(open(sealed, purpose), StandardCharsets.UTF_8);
    }

    /** The id of the key that sealed {@code sealed}, read from its header without opening it. */
    public static String keyIdOf(String sealed) {
        Matcher m = SEALED.matcher(sealed);
        if (!m.matches()) {
            throw new SecretBoxException(Failure.MALFORMED, "not a sealed secret: expected version.kid.check.payload");
        }
        return m.group(2);
    }

    private static byte[] associatedData(String header, String purpose) {
        return (header + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static String check(String purpose) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(purpose.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, CHECK_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Attacker-controlled header text, shortened and stripped so it cannot forge log lines. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
