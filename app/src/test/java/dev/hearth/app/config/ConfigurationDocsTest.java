package dev.hearth.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key: its row names the key, its default and its variable. */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/configuration.md").normalize();

    @Test
    void every_key_is_documented_with_its_default_and_environment_variable() throws IOException {
        List<String> lines = Files.readAllLines(DOC);

        for (ConfigKey<?> key : ConfigKey.ALL) {
            String row = lines.stream()
                    .filter(line -> line.startsWith("| `" + key.name() + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(DOC + " has no table row for " + key.name()));
            assertThat(row).as("row of " + key.name()).contains("`" + key.environmentVariable() + "`");
            String shownDefault = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(row).as("row of " + key.name()).contains(shownDefault);
        }
    }

    @Test
    void the_documentation_names_no_key_that_does_not_exist() throws IOException {
        List<String> documented = Files.readAllLines(DOC).stream()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .toList();

        assertThat(documented).containsExactlyElementsOf(ConfigKey.ALL.stream().map(ConfigKey::name).toList());
    }
}
