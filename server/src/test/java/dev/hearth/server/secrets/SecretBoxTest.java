package dev.hearth.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.server.secrets.SecretBoxException.Failure;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    final SecureRandom random = new SecureRandom();
    final DataKey key = DataKey.generate(random);
    final SecretBox box = new SecretBox(new SecretKeys(List.of(key)), random);

    @Property
    void what_is_sealed_opens_to_the_same_bytes_for_the_same_purpose(@ForAll byte[] plaintext, @ForAll String purpose) {
        assertThat(box.open(box.seal(plaintext, purpose), purpose)).isEqualTo(plaintext);
    }

    @Test
    void the_sealed_form_names_version_and_key_and_holds_no_plaintext() {
        String sealed = box.seal("the dragon is a mimic", "note:1");

        assertThat(sealed).startsWith("v1." + key.id() + ".").doesNotContain("dragon");
        assertThat(SecretBox.keyIdOf(sealed)).isEqualTo(key.id());
    }

    @Test
    void every_seal_uses_a_fresh_nonce() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String sealed = box.seal("same", "same");
            byte[] payload = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf('.') + 1));
            nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(payload, 12)));
        }
        assertThat(nonces).hasSize(10_000);
    }

    @Test
    void a_ciphertext_sealed_for_one_purpose_does_not_open_for_another() {
        String sealed = box.seal("secret", "signing-key:a");

        assertFails(() -> box.open(sealed, "signing-key:b"), Failure.WRONG_PURPOSE);
    }

    @Test
    void a_changed_purpose_check_in_the_header_is_detected_as_tampering() {
        String sealed = box.seal("secret", "signing-key:a");
        String[] parts = sealed.split("\\.");
        String other = box.seal("x", "signing-key:b").split("\\.")[2];

        assertFails(() -> box.open(parts[0] + "." + parts[1] + "." + other + "." + parts[3], "signing-key:b"), Failure.TAMPERED);
    }

    @Test
    void flipping_any_byte_of_nonce_ciphertext_or_tag_is_detected() {
        String sealed = box.seal("secret value", "p");
        String header = sealed.substring(0, sealed.lastIndexOf('.') + 1);
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring(header.length()));
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 0x01;
            String tampered = header + Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertFails(() -> box.open(tampered, "p"), Failure.TAMPERED);
        }
    }

    @Test
    void a_truncated_payload_is_malformed_or_tampered_never_opened() {
        String sealed = box.seal("secret value", "p");
        String header = sealed.substring(0, sealed.lastIndexOf('.') + 1);
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring(header.length()));

        String cut = header + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(payload, 30));
        String shortOne = header + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(payload, 20));

        assertFails(() -> box.open(cut, "p"), Failure.TAMPERED);
        assertFails(() -> box.open(shortOne, "p"), Failure.MALFORMED);
    }

    @Test
    void a_ciphertext_from_another_key_with_the_same_id_does_not_open() {
        SecretBox impostor = new SecretBox(new SecretKeys(List.of(new DataKey(key.id(), new byte[32]))), random);

        assertFails(() -> box.open(impostor.seal("x", "p"), "p"), Failure.TAMPERED);
    }

    @Test
    void a_ciphertext_under_an_unknown_key_id_names_the_id() {
        SecretBox other = new SecretBox(new SecretKeys(List.of(new DataKey("lost-key", new byte[32]))), random);

        assertThatThrownBy(() -> box.open(other.seal("x", "p"), "p"))
                .isInstanceOfSatisfying(SecretBoxException.class, e -> assertThat(e.failure()).isEqualTo(Failure.UNKNOWN_KEY))
                .hasMessageContaining("lost-key");
    }

    @Test
    void malformed_input_and_unknown_versions_are_told_apart() {
        String payload = box.seal("x", "p").split("\\.", 2)[1];

        assertFails(() -> box.open("", "p"), Failure.MALFORMED);
        assertFails(() -> box.open("plain text", "p"), Failure.MALFORMED);
        assertFails(() -> box.open("v1.a.b", "p"), Failure.MALFORMED);
        assertFails(() -> box.open("v1." + key.id() + "." + box.seal("x", "p").split("\\.")[2] + ".!!!", "p"), Failure.MALFORMED);
        assertFails(() -> box.open("v9." + payload, "p"), Failure.UNSUPPORTED_VERSION);
    }

    @Test
    void errors_never_carry_key_material_or_plaintext() {
        String keyBase64 = Base64.getEncoder().encodeToString(key.bytes());
        String sealed = box.seal("hunter2", "p");
        for (String input : List.of(sealed, sealed.substring(0, sealed.length() - 2), "v1." + key.id() + ".x.y")) {
            for (String purpose : List.of("p", "q")) {
                try {
                    box.open(input, purpose);
                } catch (SecretBoxException e) {
                    assertThat(e.getMessage()).doesNotContain(keyBase64).doesNotContain("hunter2");
                }
            }
        }
        assertThat(key.toString()).isEqualTo("DataKey[" + key.id() + "]");
    }

    @Test
    void any_known_key_opens_but_only_the_current_one_seals() {
        DataKey fresh = DataKey.generate(random);
        SecretBox rotated = new SecretBox(box.keys().withCurrent(fresh), random);
        String old = box.seal("old", "p");

        assertThat(rotated.openText(old, "p")).isEqualTo("old");
        assertThat(SecretBox.keyIdOf(rotated.seal("new", "p"))).isEqualTo(fresh.id());
        assertThat(new String(rotated.open(rotated.seal("new", "p"), "p"), StandardCharsets.UTF_8)).isEqualTo("new");
    }

    private static void assertFails(Runnable open, Failure failure) {
        assertThatThrownBy(open::run)
                .isInstanceOfSatisfying(SecretBoxException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
