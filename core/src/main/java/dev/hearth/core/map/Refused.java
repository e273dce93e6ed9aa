package dev.hearth.core.map;

import dev.hearth.core.stream.Rejection;
import java.util.Map;

/**
 * A rule check's refusal, thrown from deep in a check and caught in {@link MapRules#decide}, which
 * turns it back into a {@link Rejection} value: it never leaves the package. No stack trace; it is
 * control flow, not a failure.
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

    static Refused invalid(String field, String message) {
        return new Refused(Rejection.invalid(field, message));
    }

    static Refused notFound(String field, String message) {
        return new Refused(new Rejection(Rejection.Kind.NOT_FOUND, message, Map.of("field", field)));
    }

    static Refused notPermitted(String message) {
        return new Refused(Rejection.notPermitted(message));
    }

    static Refused conflict(String message) {
        return new Refused(Rejection.conflict(message));
    }
}
