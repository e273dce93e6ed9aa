package dev.hearth.app.config;

import java.util.List;

/**
 * The configuration Hearth runs with, and for each key the value as given and where it came from,
 * for the start-up log.
 *
 * @param config the typed configuration
 * @param settings one per key, in {@link ConfigKey#ALL} order: the value that won and its origin
 * @param warnings things worth telling the operator that do not stop Hearth (e.g. an unknown HEARTH_ variable)
 */
public record EffectiveConfig(HearthConfig config, List<RawSetting> settings, List<String> warnings) {

    public EffectiveConfig {
        settings = List.copyOf(settings);
        warnings = List.copyOf(warnings);
    }

    /** One line per key, {@code key = value (origin)}, with secrets masked. */
    public String describe() {
        StringBuilder text = new StringBuilder("effective configuration:");
        for (RawSetting s : settings) {
            String shown = ConfigKey.named(s.key()).map(k -> k.display(s.value())).orElseThrow();
            text.append("\n  ").append(s.key()).append(" = ").append(shown.isEmpty() ? "\"\"" : shown)
                    .append("  (").append(s.origin().describe()).append(')');
        }
        return text.toString();
    }
}
