package dev.hearth.app.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML configuration file read into settings. Keys may be nested ({@code server: {port: 8080}}),
 * dotted ({@code server.port: 8080}) or both; either way they become dotted keys. Whether the keys
 * exist is checked by {@link ConfigLoader}, like keys from any other source.
 */
record YamlConfigFile(List<RawSetting> settings, List<ConfigProblem> problems) {

    static YamlConfigFile read(Path file) {
        JsonNode root;
        try {
            YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            root = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return failed(file, "does not exist; check --config (or HEARTH_CONFIG)");
        } catch (JacksonException e) {
            return failed(file, "is not valid YAML: " + e.getOriginalMessage().strip()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            return failed(file, "cannot be read: " + e);
        }
        List<RawSetting> settings = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigOrigin origin = new ConfigOrigin.File(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new YamlConfigFile(settings, problems); // an empty file sets nothing
        }
        if (!root.isObject()) {
            return failed(file, "must be a mapping of keys to values, such as \"server.port: 8080\"");
        }
        flatten("", root, origin, settings, problems, file);
        Set<String> seen = new HashSet<>();
        for (RawSetting s : settings) {
            if (!seen.add(s.key())) {
                problems.add(ConfigProblem.file(file, "sets " + s.key() + " twice (once nested, once dotted)"));
            }
        }
        return new YamlConfigFile(settings, problems);
    }

    private static void flatten(String prefix, JsonNode node, ConfigOrigin origin, List<RawSetting> settings,
            List<ConfigProblem> problems, Path file) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, origin, settings, problems, file);
            } else if (value.isArray()) {
                problems.add(ConfigProblem.file(file, key + " is a list; every key takes a single value"));
            } else {
                settings.add(new RawSetting(key, value.isNull() ? "" : value.asText(), origin));
            }
        }
    }

    private static YamlConfigFile failed(Path file, String problem) {
        return new YamlConfigFile(List.of(), List.of(ConfigProblem.file(file, problem)));
    }
}
