package dev.hearth.core.combat;

import dev.hearth.core.stream.Rejection;

/**
 * A rule check's answer when it refuses, thrown from deep in a rule and caught in {@link
 * Combat#decide}, which turns it back into a {@link Rejection} value: it never leaves the package.
 * It carries no stack trace; it is control flow, not a failure.
 */
final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    Refused(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
