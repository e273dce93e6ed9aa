package dev.hearth.server.auth;

/**
 * Argon2id cost parameters. Raising them makes every stored hash made with lower ones re-hashed at
 * its owner's next login.
 *
 * @param memoryKib memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record PasswordHashParameters(int memoryKib, int iterations, int parallelism) {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. Production never goes below it. */
    public static final PasswordHashParameters OWASP_MINIMUM = new PasswordHashParameters(19 * 1024, 2, 1);

    public PasswordHashParameters {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters m=" + memoryKib + ", t=" + iterations
                    + ", p=" + parallelism);
        }
    }

    /** True if a hash made with {@code other} is weaker than one made with these in any respect. */
    boolean strongerThan(PasswordHashParameters other) {
        return memoryKib > other.memoryKib || iterations > other.iterations || parallelism > other.parallelism;
    }
}
