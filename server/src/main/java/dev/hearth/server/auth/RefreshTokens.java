package dev.hearth.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque refresh tokens: 32 random bytes, base64url. Only their SHA-256 is stored, so a copy of the
 * database does not let anyone sign in; a fast hash suffices because the tokens have 256 bits of
 * entropy, unlike passwords.
 */
final class RefreshTokens {

    private final SecureRandom random;

    RefreshTokens(SecureRandom random) {
        this.random = random;
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
