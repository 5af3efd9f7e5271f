package dev.oomlab.cli;

import dev.oomlab.Oomlab;
import dev.oomlab.kernel.KernelCommand;
import dev.oomlab.runtime.RuntimeUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/oomlab}: the one launcher of the project. */
@Command(name = "oomlab", mixinStandardHelpOptions = true, version = "oomlab 0.1.0",
        description = "A lab for container memory: scenarios run in real containers.",
        subcommands = {JshellCommand.class, KernelCommand.class, VerifyCommand.class, BenchCommand.class, HostCommand.class,
                CommandLine.HelpCommand.class})
public final class OomlabCli implements Runnable {

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        Oomlab.shutdown(); // containers of finished runs are removed before we exit
        System.exit(status);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OomlabCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // One clear sentence for the errors users cause or meet; a trace only for our bugs.
            if (e instanceof IllegalArgumentException || e instanceof RuntimeUnavailableException
                    || e instanceof UnsupportedOperationException) {
                commandLine.getErr().println("oomlab: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
