package dev.hearth.server.secrets;

/**
 * A sealed value that cannot be opened, with the reason as a value so callers and tests tell the cases
 * apart. Messages name the key id or the purpose, never key material or plaintext.
 */
public final class SecretBoxException extends RuntimeException {

    /** Why a sealed value did not open. */
    public enum Failure {
        /** Not {@code v1.<kid>.<purpose check>.<payload>}, bad base64, or too short to hold a nonce and tag. */
        MALFORMED,
        /** A format version this Hearth does not know (written by a newer one). */
        UNSUPPORTED_VERSION,
        /** Sealed under a key id that is not among the known keys (lost or removed). */
        UNKNOWN_KEY,
        /** Sealed for another purpose: one field's ciphertext put in another's place. */
        WRONG_PURPOSE,
        /** The GCM tag does not verify: the ciphertext, nonce, tag or header was changed. */
        TAMPERED
    }

    private final Failure failure;

    SecretBoxException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
