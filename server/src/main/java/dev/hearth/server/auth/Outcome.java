package dev.hearth.server.auth;

import dev.hearth.server.http.Refusal;

/** The result of an account operation: done, with a value, or refused by a rule. */
sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    record Refused<T>(Refusal refusal) implements Outcome<T> {}

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }
}
