package dev.oomlab.kernel;

import dev.oomlab.kernel.install.InstallTarget;
import dev.oomlab.kernel.install.KernelSpec;
import dev.oomlab.kernel.install.KernelSpecInstaller;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `oomlab kernel install|run`: the Jupyter kernel's command line. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "The Jupyter kernel: Java on JShell with the oomlab DSL imported.",
        subcommands = {KernelCommand.Install.class, KernelCommand.Run.class})
public final class KernelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: install or run");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KernelCommand()).execute(args));
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the kernelspec \"oomlab\" (display name \"Java (oomlab)\"), for this user by default.")
    static final class Install implements Callable<Integer> {

        @ArgGroup(exclusive = true)
        Where where = new Where();

        @Option(names = "--name", defaultValue = KernelSpec.DEFAULT_NAME, description = "Kernelspec name (default: ${DEFAULT-VALUE}).")
        String name;

        static final class Where {
            @Option(names = "--user", description = "Install for the current user (the default).")
            boolean user;

            @Option(names = "--prefix", paramLabel = "DIR", description = "Install into DIR/share/jupyter/kernels.")
            Path prefix;

            @Option(names = "--sys-prefix", description = "Install into the Python environment of jupyter.")
            boolean sysPrefix;

            InstallTarget target() {
                if (prefix != null) {
                    return new InstallTarget.Prefix(prefix);
                }
                return sysPrefix ? new InstallTarget.SysPrefix() : new InstallTarget.User();
            }
        }

        @Override
        public Integer call() throws Exception {
            new KernelSpecInstaller(System.out).install(KernelSpec.ofThisInstallation(name), where.target());
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the kernel (Jupyter starts it this way).")
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter wrote.")
        Path connectionFile;

        @Override
        public Integer call() throws Exception {
            KernelMain.run(connectionFile);
            return 0;
        }
    }
}
