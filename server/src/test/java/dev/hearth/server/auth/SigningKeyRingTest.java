package dev.hearth.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import dev.hearth.server.secrets.DataKey;
import dev.hearth.server.secrets.SecretBox;
import dev.hearth.server.secrets.SecretKeys;
import dev.hearth.server.secrets.SecretKeysException;
import dev.hearth.server.secrets.TestBoxes;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyRingTest {

    static final Duration ROTATION = Duration.ofDays(30);
    static final Duration RETIRED = Duration.ofMinutes(16);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    final SecretBox box = TestBoxes.fresh();

    SigningKeyRing open() {
        return open(box);
    }

    SigningKeyRing open(SecretBox with) {
        return SigningKeyRing.open(dir.resolve("keys/signing-keys.json"), with, ROTATION, RETIRED, clock);
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

    @Test
    void the_key_file_keeps_private_keys_sealed_and_public_halves_readable() throws Exception {
        SigningKeyRing ring = open();
        String text = Files.readString(dir.resolve("keys/signing-keys.json"));

        assertThat(text).doesNotContain("\"d\"").contains("\"sealed\":\"v1." + box.keys().current().id() + ".");
        assertThat(text).contains("\"kid\":\"" + ring.signingKey().getKeyID() + "\"", "\"x\"", "\"y\"");
    }

    @Test
    void a_plain_key_file_from_before_sealing_is_migrated_on_open_and_its_tokens_still_verify() throws Exception {
        Path file = dir.resolve("keys/signing-keys.json");
        ECKey plain = open().signingKey();
        Files.writeString(file, new JWKSet(plain).toString(false), StandardCharsets.UTF_8);
        assertThat(Files.readString(file)).contains("\"d\"");
        String token = tokens(open()).issue("a", "s", clock.instant());

        SigningKeyRing migrated = open();

        assertThat(Files.readString(file)).doesNotContain("\"d\"").contains("\"sealed\"");
        assertThat(migrated.signingKey().getKeyID()).isEqualTo(plain.getKeyID());
        assertThat(tokens(migrated).verify(token, clock.instant())).isPresent();
    }

    @Test
    void a_key_file_sealed_with_a_key_hearth_does_not_have_is_refused_naming_the_fix() {
        open();

        assertThatThrownBy(() -> open(TestBoxes.fresh()))
                .isInstanceOf(SecretKeysException.class)
                .hasMessageContaining("not among the known keys")
                .hasMessageContaining("restore it from the backup");
    }

    @Test
    void opening_with_a_newer_current_secrets_key_reseals_under_it() throws Exception {
        open();
        SecretBox rotated = new SecretBox(box.keys().withCurrent(DataKey.generate(new SecureRandom())), new SecureRandom());

        open(rotated);

        SecretBox newOnly = new SecretBox(new SecretKeys(List.of(rotated.keys().current())), new SecureRandom());
        assertThat(Files.readString(dir.resolve("keys/signing-keys.json"))).doesNotContain("v1." + box.keys().current().id() + ".");
        open(newOnly);
    }
}
