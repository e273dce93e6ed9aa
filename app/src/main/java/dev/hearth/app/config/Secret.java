package dev.hearth.app.config;

import java.util.Objects;

/** A value that must never reach a log or a message: {@link #toString()} masks it. */
public record Secret(String value) {

    public static final String MASK = "****";

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : MASK;
    }
}
