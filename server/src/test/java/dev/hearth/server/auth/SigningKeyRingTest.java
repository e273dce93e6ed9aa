package dev.hearth.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyRingTest {

    static final Duration ROTATION = Duration.ofDays(30);
    static final Duration RETIRED = Duration.ofMinutes(16);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    SigningKeyRing open() {
        return SigningKeyRing.open(dir.resolve("keys/signing-keys.json"), ROTATION, RETIRED, clock);
    }

    AccessTokens tokens(SigningKeyRing ring) {
        return new AccessTokens(ring, "iss", "aud", Duration.ofMinutes(15));
    }

    @Test
    void the_first_start_creates_a_key_file_only_its_owner_can_read_and_the_next_start_reuses_it() throws Exception {
        SigningKeyRing first = open();
        Path file = dir.resolve("keys/signing-keys.json");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = tokens(first).issue("a", "s", clock.instant());
        assertThat(tokens(open()).verify(token, clock.instant())).isPresent();
    }

    @Test
    void a_key_file_readable_by_others_is_restricted_to_its_owner_on_open() throws Exception {
        open();
        Path file = dir.resolve("keys/signing-keys.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        open();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void after_rotation_old_tokens_verify_until_they_expire_and_then_the_old_key_is_gone() {
        SigningKeyRing ring = open();
        String oldToken = tokens(ring).issue("a", "s", clock.instant().plus(ROTATION).minusSeconds(60));
        String oldKid = ring.signingKey().getKeyID();

        clock.advance(ROTATION);
        String newKid = ring.signingKey().getKeyID();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(ring.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(newKid, oldKid);
        assertThat(tokens(ring).verify(oldToken, clock.instant())).isPresent();
        assertThat(tokens(open()).verify(oldToken, clock.instant())).as("after a restart too").isPresent();

        clock.advance(RETIRED);
        assertThat(ring.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(newKid);
        assertThat(ring.verificationKey(oldKid, clock.instant())).isEmpty();
    }
}
