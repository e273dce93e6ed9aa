package dev.hearth.app.config;

import java.util.Objects;

/**
 * One key set to one value, as written, before it is checked.
 *
 * @param key the dotted key as given (it may be unknown)
 * @param value the value as text
 * @param origin where it was given
 */
public record RawSetting(String key, String value, ConfigOrigin origin) {

    public RawSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
