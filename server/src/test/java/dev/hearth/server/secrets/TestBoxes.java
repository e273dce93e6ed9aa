package dev.hearth.server.secrets;

import java.security.SecureRandom;
import java.util.List;

/** Secret boxes for tests: a fresh random key each. */
public final class TestBoxes {

    private TestBoxes() {}

    public static SecretBox fresh() {
        return new SecretBox(new SecretKeys(List.of(DataKey.generate(new SecureRandom()))), new SecureRandom());
    }
}
