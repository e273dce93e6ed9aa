package dev.hearth.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.app.config.ConfigOrigin;
import dev.hearth.app.config.RawSetting;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the command line becomes the flag layer of the configuration (running it is ServeProcessTest's job). */
class ServeCommandTest {

    @Test
    void each_flag_becomes_its_key_with_the_flag_as_origin() {
        ServeCommand serve = parse("--port", "9000", "--host", "0.0.0.0", "--data", "/srv/hearth",
                "--db", "postgresql://db/hearth", "--set", "log.format=json", "--set", "shutdown.grace=3s");

        assertThat(serve.flagSettings()).containsExactly(
                new RawSetting("log.format", "json", new ConfigOrigin.Flag("--set log.format")),
                new RawSetting("shutdown.grace", "3s", new ConfigOrigin.Flag("--set shutdown.grace")),
                new RawSetting("server.port", "9000", new ConfigOrigin.Flag("--port")),
                new RawSetting("server.host", "0.0.0.0", new ConfigOrigin.Flag("--host")),
                new RawSetting("data.dir", "/srv/hearth", new ConfigOrigin.Flag("--data")),
                new RawSetting("db.url", "postgresql://db/hearth", new ConfigOrigin.Flag("--db")));
    }

    @Test
    void no_flags_set_nothing() {
        assertThat(parse().flagSettings()).isEmpty();
    }

    private static ServeCommand parse(String... args) {
        ServeCommand serve = new ServeCommand(Map.of());
        new CommandLine(serve).parseArgs(args);
        return serve;
    }
}
