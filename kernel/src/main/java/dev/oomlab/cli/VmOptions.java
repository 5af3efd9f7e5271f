package dev.oomlab.cli;

import dev.oomlab.host.Hosts;
import dev.oomlab.host.VmHost;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of the commands that boot or name a VM host, as picocli mixins, so each reads alike. */
final class VmOptions {

    private VmOptions() {
    }

    /** {@code vm [--name NAME]}: which VM a {@code host} subcommand acts on. */
    static final class Named {

        @Parameters(index = "0", paramLabel = "KIND", description = "vm")
        String kind;

        @Option(names = "--name", defaultValue = HostCommand.VM,
                description = "the VM's name, in results and for `host stop` (default ${DEFAULT-VALUE})")
        String name;

        /** The VM's name, once its kind is checked: the lab starts and stops "vm" hosts only. */
        String checkedName() {
            HostCommand.requireVm(kind);
            return name;
        }
    }

    /**
     * {@code --memory --swap --cpus}: what a VM boots as. The memory's default is the command's
     * own (a host to keep: 6g; a bench's: less), given as the field's initial value.
     */
    static final class Shape {

        @Option(names = "--memory", description = "guest memory (default ${DEFAULT-VALUE})")
        String memory;

        @Option(names = "--swap", defaultValue = "0", description = "guest swap, 0 for none (default ${DEFAULT-VALUE})")
        String swap;

        @Option(names = "--cpus", defaultValue = "2", description = "virtual CPUs (default ${DEFAULT-VALUE})")
        int cpus;

        Shape(String defaultMemory) {
            this.memory = defaultMemory;
        }

        /** A VM of this shape; its values are checked when the builder's config is taken. */
        VmHost.Builder vm(String name) {
            return Hosts.vm().name(name).memory(memory).swap(swap).cpus(cpus);
        }
    }
}
