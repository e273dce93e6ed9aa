package dev.hearth.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HearthCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void version_prints_hearths_version_and_the_java_runtime() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .matches("(?s)hearth \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava " + Pattern.quote(Runtime.version().toString()) + " .*");
    }

    @Test
    void help_lists_the_serve_command() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: hearth").contains("serve  Starts Hearth");
    }

    @Test
    void serve_help_lists_every_option() {
        int exit = run("serve", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--port=PORT", "--host=HOST", "--data=DIR", "--db=URL", "--config=FILE",
                "--set=KEY=VALUE");
    }

    @Test
    void no_command_is_a_usage_error_with_exit_code_2() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing command: try 'hearth serve'.").contains("Usage: hearth");
    }

    @Test
    void set_without_an_equals_sign_is_a_usage_error() {
        int exit = run("serve", "--set", "server.port");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("server.port");
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine(Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
