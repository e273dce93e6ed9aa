package dev.hearth.app.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hearth admin}: groups the operator's tasks; the work is in its subcommands. */
@Command(name = "admin", description = "Operator tasks on a stopped Hearth's data directory.",
        mixinStandardHelpOptions = true)
public final class AdminCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'hearth admin rotate-key'.");
    }
}
