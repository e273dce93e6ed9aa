package dev.hearth.server.secrets;

/**
 * A place that keeps secrets sealed by a {@link SecretBox}. Key rotation asks every one to move its
 * secrets to the box's current key; a new secret field joins rotation by being one.
 */
public interface Resealable {

    /** What and where, for the operator: "signing keys in /data/signing-keys.json". */
    String describe();

    /**
     * Opens every secret it keeps with any of {@code box}'s keys and seals it again under the current
     * one. Atomic: after a crash it holds the old ciphertexts or the new, each still opened by
     * {@code box}'s keys.
     */
    void reseal(SecretBox box);
}
