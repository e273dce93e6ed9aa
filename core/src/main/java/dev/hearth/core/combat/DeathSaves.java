package dev.hearth.core.combat;

/** Death saves so far, each 0 to 3. Three successes stabilise, three failures kill. */
public record DeathSaves(int successes, int failures) {

    public static final DeathSaves NONE = new DeathSaves(0, 0);

    public DeathSaves {
        if (successes < 0 || successes > 3 || failures < 0 || failures > 3) {
            throw new IllegalArgumentException("death saves " + successes + "/" + failures);
        }
    }

    DeathSaves succeed() {
        return new DeathSaves(Math.min(3, successes + 1), failures);
    }

    DeathSaves fail(int count) {
        return new DeathSaves(successes, Math.min(3, failures + count));
    }
}
