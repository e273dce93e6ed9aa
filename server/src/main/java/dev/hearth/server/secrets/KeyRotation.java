package dev.hearth.server.secrets;

import java.security.SecureRandom;
import java.util.List;

/**
 * Moves every sealed secret to a new key. Crash-safe by ordering: the new key is added to the key
 * file first (old keys kept), then every {@link Resealable} re-seals under it, and only then are the
 * old keys removed. A crash at any point leaves a key file that opens everything; running rotation
 * again finishes the job.
 *
 * <p>Old keys are removed, not kept as retired: a key that has leaked should stop opening anything,
 * and after re-sealing nothing needs it. Backups taken before a rotation need the key file backed up
 * with them.
 */
public final class KeyRotation {

    private final List<Resealable> holders;
    private final SecureRandom random;

    public KeyRotation(List<Resealable> holders, SecureRandom random) {
        this.holders = List.copyOf(holders);
        this.random = random;
    }

    /** What a rotation did. */
    public record Rotated(String newKeyId, List<String> removedKeyIds, List<String> resealed) {}

    /** Adds a new current key to {@code file}, re-seals everything under it, and removes the old keys. */
    public Rotated rotate(SecretKeyFile file) {
        SecretKeys old = file.read();
        SecretKeys during = old.withCurrent(DataKey.generate(random));
        file.write(during);
        List<String> resealed = resealUnder(during);
        file.write(during.currentOnly());
        return new Rotated(during.current().id(), old.keys().stream().map(DataKey::id).toList(), resealed);
    }

    /**
     * Re-seals everything under the current of {@code keys}: for keys from the environment, where
     * Hearth cannot change the key list itself. Answers what it re-sealed.
     */
    public List<String> resealUnder(SecretKeys keys) {
        SecretBox box = new SecretBox(keys, random);
        for (Resealable holder : holders) {
            holder.reseal(box);
        }
        return holders.stream().map(Resealable::describe).toList();
    }
}
