package dev.hearth.server.secrets;

/**
 * The secrets keys cannot be used: a key of the wrong length, a garbled or unreadable key file, a key
 * file others can read. Hearth refuses to start with its message, which names the fix and never the key.
 */
public final class SecretKeysException extends RuntimeException {

    public SecretKeysException(String message) {
        super(message);
    }

    public SecretKeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
