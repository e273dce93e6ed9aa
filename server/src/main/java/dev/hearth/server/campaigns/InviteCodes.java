package dev.hearth.server.campaigns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Invite codes: 256 random bits, base64url without padding (43 characters), stored only as their
 * SHA-256 hash. A plain hash suffices (no salt, no slow hash): the code is random and long, so there
 * is nothing to guess from the hash, and lookups must find a code by its hash.
 */
final class InviteCodes {

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random;

    InviteCodes(SecureRandom random) {
        this.random = random;
    }

    String newCode() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True if {@code code} could be a code this class made; anything else is not looked up. */
    static boolean wellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
