package dev.hearth.server.secrets;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/** Secret boxes for tests. */
public final class TestBoxes {

    private TestBoxes() {}

    /** A fresh random key, for a test that never opens the same secrets twice. */
    public static SecretBox fresh() {
        return new SecretBox(new SecretKeys(List.of(DataKey.generate(new SecureRandom()))), new SecureRandom());
    }

    /**
     * The key kept in {@code dir}'s key file, created on first use: a test that restarts on the same
     * directory unseals what the first start sealed, as a real restart does.
     */
    public static SecretBox keptIn(Path dir) {
        SecureRandom random = new SecureRandom();
        return new SecretBox(new SecretKeyFile(dir.resolve("secrets.keys")).openOrCreate(random), random);
    }
}
