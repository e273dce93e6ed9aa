package dev.hearth.app.serve;

import dev.hearth.app.config.ConfigLoader;
import dev.hearth.app.config.ConfigOptions;
import dev.hearth.app.config.EffectiveConfig;
import dev.hearth.app.config.HearthConfig;
import dev.hearth.app.config.InvalidConfigException;
import dev.hearth.app.config.RawSetting;
import dev.hearth.app.logging.LogbackConfiguration;
import dev.hearth.server.ServerStartException;
import dev.hearth.server.secrets.SecretKeysException;
import dev.hearth.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth serve}: loads the configuration, starts Hearth, prints where it runs, and serves
 * until SIGTERM or Ctrl-C, when it stops gracefully.
 *
 * <p>Exit codes: 2 for a configuration or usage problem, 1 when Hearth cannot start (store, data
 * directory, secrets keys, port), and the JVM's 143 (SIGTERM) or 130 (SIGINT) after a stop.
 */
@Command(
        name = "serve",
        description = {
            "Starts Hearth and serves until stopped (SIGTERM or Ctrl-C).",
            "With no options: an embedded SQLite file in ./hearth-data, on http://127.0.0.1:8080/.",
            "Settings come from defaults < --config file < HEARTH_* environment variables < flags;"
                    + " docs/configuration.md lists every key."
        },
        sortOptions = false)
public final class ServeCommand implements Callable<Integer> {

    public static final int EXIT_CANNOT_START = 1;
    public static final int EXIT_INVALID_CONFIG = 2;

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on; 0 picks a free one (server.port, default 8080).")
    private String port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on; 0.0.0.0 for every interface (server.host, default 127.0.0.1).")
    private String host;

    @Option(names = "--local", description = "Local mode: no login, you are the GM of a default campaign; this machine only (auth.mode=local).")
    private boolean local;


    @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL instead of SQLite: postgresql://user:password@host:5432/database (db.url).")
    private String db;


    @Mixin
    private ConfigOptions options = new ConfigOptions();

    private final Map<String, String> environment;

    public ServeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EffectiveConfig effective;
        try {
            effective = new ConfigLoader(environment).load(options.configFile(), flagSettings());
        } catch (InvalidConfigException e) {
            err.println("hearth: " + e.getMessage());
            err.flush();
            return EXIT_INVALID_CONFIG;
        }
        HearthConfig config = effective.config();
        new LogbackConfiguration(config.log().format(), config.log().level()).apply();
        log.info("{}", effective.describe());
        effective.warnings().forEach(w -> log.warn("{}", w));

        RunningHearth hearth;
        try {
            hearth = RunningHearth.start(config);
        } catch (StoreException | ServerStartException | SecretKeysException e) {
            log.debug("start failed", e);
            err.println("hearth: " + e.getMessage());
            err.flush();
            return EXIT_CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hearth::stop, "hearth-shutdown"));
        out.println("Hearth is running at " + hearth.url());
        hearth.localTable().ifPresent(table -> out.println("Local mode: no login, this machine only; you are "
                + table.user().displayName() + ", GM of \"" + table.campaign().name() + "\"."));
        out.flush();
        hearth.awaitStopped();
        return 0;
    }

    /** The flags as settings: {@code --set} first, so a dedicated flag (e.g. {@code --port}) wins over it. */
    List<RawSetting> flagSettings() {
        List<RawSetting> flags = options.settings();
        ConfigOptions.add(flags, "server.port", port, "--port");
        ConfigOptions.add(flags, "server.host", host, "--host");
        options.addData(flags);
        ConfigOptions.add(flags, "db.url", db, "--db");
        ConfigOptions.add(flags, "auth.mode", local ? "local" : null, "--local");
        return flags;
    }
}
