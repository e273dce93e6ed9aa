package dev.hearth.app;

import dev.hearth.app.admin.AdminCommand;
import dev.hearth.app.admin.RotateKeyCommand;
import dev.hearth.app.serve.ServeCommand;
import java.util.Map;
import picocli.CommandLine;

/** The {@code hearth} command line; {@code bin/hearth} runs it. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command tree, given the environment it reads {@code HEARTH_*} settings from. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new HearthCommand());
        cli.addSubcommand("serve", new ServeCommand(environment));
        cli.addSubcommand("admin", new CommandLine(new AdminCommand())
                .addSubcommand("rotate-key", new RotateKeyCommand(environment)));
        return cli;
    }
}
