package dev.hearth.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.hearth.server.secrets.SecretBox;
import dev.hearth.server.secrets.SecretBoxException;
import dev.hearth.server.secrets.SecretKeysException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 keys that sign access tokens, kept in one file in the data directory ({@link SigningKeyFile}),
 * readable by its owner only (600), with the private halves sealed by a {@link SecretBox}.
 *
 * <p>One key signs (the newest); when it is older than the rotation age a new key takes over. The
 * old key is kept, marked with an expiry ({@code exp}) one access-token lifetime later, so that every
 * token it signed still verifies until that token expires; after that it is dropped. Rotation happens
 * in the server that signs, so no token outlives the key that verifies it.
 *
 * <p>ES256 rather than EdDSA: Nimbus signs Ed25519 only through Google Tink, while ES256 uses the
 * JDK's own EC implementation.
 */
public final class SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SigningKeyFile file;
    private final SecretBox box;
    private final Duration rotationAge;
    private final Duration retiredKeyLifetime;
    private final InstantSource clock;
    private List<ECKey> keys; // newest first; guarded by this

    private SigningKeyRing(SigningKeyFile file, SecretBox box, Duration rotationAge, Duration retiredKeyLifetime,
            InstantSource clock, List<ECKey> keys) {
        this.file = file;
        this.box = box;
        this.rotationAge = rotationAge;
        this.retiredKeyLifetime = retiredKeyLifetime;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Loads the keys in {@code file}, creating the file with a first key if it is absent. A file with
     * private keys in clear (written before they were sealed) or sealed under an older secrets key is
     * written again, sealed under the current one.
     *
     * @param box seals and opens the private halves
     * @param rotationAge how long a key signs before a new one takes over
     * @param retiredKeyLifetime how long a replaced key keeps verifying: the access-token lifetime plus leeway
     * @throws SecretKeysException when a sealed key does not open with the known secrets keys
     * @throws IllegalStateException when the file is garbled
     */
    public static SigningKeyRing open(Path file, SecretBox box, Duration rotationAge, Duration retiredKeyLifetime,
            InstantSource clock) {
        SigningKeyFile keyFile = new SigningKeyFile(file);
        SigningKeyFile.Loaded loaded;
        try {
            loaded = keyFile.read(box);
            if (Files.exists(file)) {
                restrictToOwner(file);
            }
        } catch (SecretBoxException e) {
            throw new SecretKeysException("Cannot open the signing keys in " + file + ": " + e.getMessage()
                    + ". Use the secrets key file or HEARTH_SECRETS_KEY that sealed them (restore it from the backup"
                    + " taken with the data directory), or delete " + file + " to start with a new signing key"
                    + " (every signed-in user then has to log in again).", e);
        } catch (IOException | ParseException | IllegalStateException e) {
            throw new IllegalStateException("Cannot read the signing keys in " + file + " (" + e.getMessage()
                    + "). Restore the file from a backup, or delete it to start with a new key"
                    + " (every signed-in user then has to log in again).", e);
        }
        List<ECKey> keys = new ArrayList<>(loaded.keys());
        SigningKeyRing ring = new SigningKeyRing(keyFile, box, rotationAge, retiredKeyLifetime, clock, keys);
        synchronized (ring) {
            ring.keys.sort(Comparator.comparing((ECKey k) -> k.getIssueTime()).reversed());
            if (ring.keys.isEmpty() || ring.activeIsDue(clock.instant())) {
                ring.rotate(clock.instant());
            } else if (loaded.needsReseal()) {
                keyFile.write(ring.keys, box);
                log.info("signing keys in {} re-sealed under secrets key {}", file, box.keys().current().id());
            }
        }
        return ring;
    }

    /** The key that signs now, rotated first if it is due. */
    synchronized ECKey signingKey() {
        Instant now = clock.instant();
        if (activeIsDue(now)) {
            rotate(now);
        }
        return keys.getFirst();
    }

    /** The key with this id, if it still verifies at {@code now}. */
    synchronized Optional<ECKey> verificationKey(String kid, Instant now) {
        return keys.stream()
                .filter(k -> k.getKeyID().equals(kid))
                .filter(k -> k.getExpirationTime() == null || k.getExpirationTime().toInstant().isAfter(now))
                .findFirst();
    }

    /** The public halves of every key that still verifies: what {@code /.well-known/jwks.json} serves. */
    public synchronized JWKSet publicKeys() {
        Instant now = clock.instant();
        return new JWKSet(keys.stream()
                .filter(k -> k.getExpirationTime() == null || k.getExpirationTime().toInstant().isAfter(now))
                .<JWK>map(ECKey::toPublicJWK)
                .toList());
    }

    private boolean activeIsDue(Instant now) {
        return !keys.getFirst().getIssueTime().toInstant().plus(rotationAge).isAfter(now);
    }

    /** Adds a new signing key, retires the current one, drops keys past their expiry, and saves. */
    private void rotate(Instant now) {
        ECKey fresh;
        try {
            fresh = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key: " + e.getMessage(), e);
        }
        List<ECKey> next = new ArrayList<>();
        next.add(fresh);
        Date retiredUntil = Date.from(now.plus(retiredKeyLifetime));
        for (ECKey key : keys) {
            ECKey retired = key.getExpirationTime() != null ? key : new ECKey.Builder(key).expirationTime(retiredUntil).build();
            if (retired.getExpirationTime().toInstant().isAfter(now)) {
                next.add(retired);
            }
        }
        save(next);
        keys = next;
        log.info("signing key {} now signs access tokens ({} older key(s) still verify)", fresh.getKeyID(), next.size() - 1);
    }

    private void save(List<ECKey> next) {
        file.write(next, box);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; its permissions are now 600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
