package dev.hearth.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the configuration from four layers, each overriding the one before: defaults, a YAML
 * file, {@code HEARTH_*} environment variables, command-line flags. Then checks every value and
 * reports every problem at once.
 *
 * <p>The environment is given, not read, so tests need no real variables.
 */
public final class ConfigLoader {

    /** Names the configuration file when {@code --config} is not given. */
    public static final String CONFIG_FILE_VARIABLE = "HEARTH_CONFIG";

    /** HEARTH_ variables that are not keys but mean something to Hearth or its launcher. */
    private static final Set<String> OTHER_VARIABLES = Set.of(CONFIG_FILE_VARIABLE, "HEARTH_JVM_DIR", "HEARTH_JAVA_OPTS");

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param file the configuration file from {@code --config}; when empty, {@code HEARTH_CONFIG} may name one
     * @param flags settings from the command line, later ones winning
     * @throws InvalidConfigException listing every problem found
     */
    public EffectiveConfig load(Optional<Path> file, List<RawSetting> flags) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<ConfigKey<?>, RawSetting> chosen = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKey.ALL) {
            chosen.put(key, new RawSetting(key.name(), key.defaultValue(), new ConfigOrigin.Default()));
        }

        Optional<Path> configFile = file.or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_VARIABLE))
                .filter(name -> !name.isBlank())
                .map(Path::of));
        configFile.ifPresent(path -> {
            YamlConfigFile yaml = YamlConfigFile.read(path.toAbsolutePath().normalize());
            problems.addAll(yaml.problems());
            override(chosen, yaml.settings(), problems);
        });

        for (ConfigKey<?> key : ConfigKey.ALL) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                chosen.put(key, new RawSetting(key.name(), value, new ConfigOrigin.Environment(key.environmentVariable())));
            }
        }

        override(chosen, flags, problems);

        Map<ConfigKey<?>, Object> values = new HashMap<>();
        chosen.forEach((key, setting) -> {
            try {
                values.put(key, key.type().parse(setting.value()));
            } catch (RuntimeException e) {
                problems.add(ConfigProblem.invalidValue(key, setting));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        HearthConfig config = HearthConfig.from(new TypedValues(values));
        if (config.auth().mode() == AuthMode.LOCAL && !LoopbackHost.SYSTEM.isLoopback(config.server().host())) {
            throw new InvalidConfigException(List.of(ConfigProblem.localModeOffLoopback(chosen.get(ConfigKey.SERVER_HOST))));
        }
        return new EffectiveConfig(config, List.copyOf(chosen.values()), unknownVariables());
    }

    private static void override(Map<ConfigKey<?>, RawSetting> chosen, List<RawSetting> settings,
            List<ConfigProblem> problems) {
        for (RawSetting setting : settings) {
            ConfigKey.named(setting.key()).ifPresentOrElse(
                    key -> chosen.put(key, setting),
                    () -> problems.add(ConfigProblem.unknownKey(setting.key(), setting.origin())));
        }
    }

    /**
     * A misspelt variable cannot be an error as a misspelt file key is (the environment holds other
     * programs' variables too), but it deserves a warning.
     */
    private List<String> unknownVariables() {
        Set<String> known = ConfigKey.ALL.stream().map(ConfigKey::environmentVariable).collect(Collectors.toSet());
        return environment.keySet().stream()
                .filter(name -> name.startsWith("HEARTH_") && !known.contains(name) && !OTHER_VARIABLES.contains(name))
                .sorted()
                .map(name -> "environment variable " + name + " is not a Hearth setting and is ignored"
                        + " (docs/configuration.md lists them)")
                .toList();
    }
}
