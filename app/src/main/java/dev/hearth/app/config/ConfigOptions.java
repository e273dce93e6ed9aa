package dev.hearth.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads Hearth's configuration ({@code serve}, {@code admin
 * rotate-key}): {@code --data}, {@code --config} and {@code --set}. A picocli mixin, so each
 * command states them once and turns them into the flag layer the same way.
 */
public final class ConfigOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: the SQLite file, keys and lock (data.dir, default ./hearth-data).")
    private String data;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (or HEARTH_CONFIG).")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting by its key, e.g. --set log.format=json; repeatable.")
    private Map<String, String> settings = new LinkedHashMap<>();

    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /**
     * The {@code --set} settings, first, so that a dedicated flag for the same key, which the
     * command adds after them with {@link #add}, wins.
     */
    public List<RawSetting> settings() {
        List<RawSetting> flags = new ArrayList<>();
        settings.forEach((key, value) -> flags.add(new RawSetting(key, value, new ConfigOrigin.Flag("--set " + key))));
        return flags;
    }

    /** Adds {@code --data} when given. */
    public void addData(List<RawSetting> flags) {
        add(flags, "data.dir", data, "--data");
    }

    /** Adds a dedicated flag's value for {@code key} when the flag was given. */
    public static void add(List<RawSetting> flags, String key, String value, String flag) {
        if (value != null) {
            flags.add(new RawSetting(key, value, new ConfigOrigin.Flag(flag)));
        }
    }
}
