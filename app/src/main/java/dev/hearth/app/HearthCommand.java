package dev.hearth.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hearth}: the top-level command; the work is in its subcommands. */
@Command(
        name = "hearth",
        description = "Hearth, a real-time table server for tabletop role-playing games.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = HelpCommand.class,
        footer = {"", "Run 'hearth COMMAND --help' for a command's options. 'bin/hearth test' runs the test suite."})
final class HearthCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'hearth serve'.");
    }
}
