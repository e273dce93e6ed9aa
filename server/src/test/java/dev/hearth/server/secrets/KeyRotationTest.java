package dev.hearth.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();

    /** One sealed value in a file, and the key ids it saw during each re-seal. */
    final class SealedNote implements Resealable {
        final Path path = dir.resolve("note.sealed");
        final List<List<String>> keysSeen = new ArrayList<>();

        void save(SecretBox box, String text) {
            OwnerOnlyFile.write(path, box.seal(text, "note").getBytes(StandardCharsets.UTF_8));
        }

        String load(SecretBox box) throws Exception {
            return box.openText(Files.readString(path), "note");
        }

        @Override
        public String describe() {
            return "note in " + path;
        }

        @Override
        public void reseal(SecretBox box) {
            keysSeen.add(box.keys().keys().stream().map(DataKey::id).toList());
            try {
                save(box, load(box));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void rotation_reseals_under_a_new_key_with_the_old_key_still_known_then_removes_the_old_key() throws Exception {
        SecretKeyFile file = new SecretKeyFile(dir.resolve("secrets.keys"));
        SecretKeys before = file.openOrCreate(random);
        SealedNote note = new SealedNote();
        note.save(new SecretBox(before, random), "the butler did it");

        KeyRotation.Rotated rotated = new KeyRotation(List.of(note), random).rotate(file);

        SecretKeys after = file.read();
        assertThat(after.keys()).extracting(DataKey::id).containsExactly(rotated.newKeyId());
        assertThat(rotated.removedKeyIds()).containsExactly(before.current().id());
        assertThat(note.keysSeen).containsExactly(List.of(rotated.newKeyId(), before.current().id()));
        assertThat(SecretBox.keyIdOf(Files.readString(note.path))).isEqualTo(rotated.newKeyId());
        assertThat(note.load(new SecretBox(after, random))).isEqualTo("the butler did it");
        assertThat(rotated.resealed()).containsExactly(note.describe());
    }

    @Test
    void a_crash_during_resealing_leaves_a_key_file_that_opens_everything_and_a_second_rotation_finishes() throws Exception {
        SecretKeyFile file = new SecretKeyFile(dir.resolve("secrets.keys"));
        SecretKeys before = file.openOrCreate(random);
        SealedNote note = new SealedNote();
        note.save(new SecretBox(before, random), "kept");
        Resealable crashing = new Resealable() {
            @Override
            public String describe() {
                return "crashes";
            }

            @Override
            public void reseal(SecretBox box) {
                throw new IllegalStateException("power cut");
            }
        };

        assertThatThrownBy(() -> new KeyRotation(List.of(note, crashing), random).rotate(file))
                .hasMessageContaining("power cut");

        SecretKeys midway = file.read();
        assertThat(midway.keys()).hasSize(2).extracting(DataKey::id).contains(before.current().id());
        assertThat(note.load(new SecretBox(midway, random))).isEqualTo("kept");

        new KeyRotation(List.of(note), random).rotate(file);

        assertThat(file.read().keys()).hasSize(1);
        assertThat(note.load(new SecretBox(file.read(), random))).isEqualTo("kept");
    }

    @Test
    void resealing_under_environment_keys_moves_everything_to_the_first_key() throws Exception {
        SecretKeys old = new SecretKeys(List.of(DataKey.generate(random)));
        SealedNote note = new SealedNote();
        note.save(new SecretBox(old, random), "moved");
        SecretKeys both = old.withCurrent(DataKey.generate(random));

        new KeyRotation(List.of(note), random).resealUnder(both);

        assertThat(SecretBox.keyIdOf(Files.readString(note.path))).isEqualTo(both.current().id());
        assertThat(note.load(new SecretBox(both.currentOnly(), random))).isEqualTo("moved");
    }
}
