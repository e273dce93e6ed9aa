package dev.hearth.app.config;

import java.util.Map;

/** Every key's checked value; {@link #get} is typed by the key, so no caller casts. */
final class TypedValues {

    private final Map<ConfigKey<?>, Object> values;

    TypedValues(Map<ConfigKey<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    @SuppressWarnings("unchecked") // put only by ConfigLoader, as the key's own type parsed it
    <T> T get(ConfigKey<T> key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no value for " + key);
        }
        return (T) value;
    }
}
