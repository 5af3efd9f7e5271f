package dev.oomlab.cli;

import dev.oomlab.host.Hosts;
import dev.oomlab.host.VmHost;
import dev.oomlab.host.vm.VmConfig;
import dev.oomlab.host.vm.VmRegistry;
import dev.oomlab.host.vm.VmState;
import dev.oomlab.spec.Size;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code oomlab host start vm | list | stop vm}: a VM host that outlives the command, so that
 * notebooks, scripts and {@code verify --hosts local,vm} can use it until {@code host stop}.
 */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "Starts, lists and stops the hosts the lab can run on (a cgroup v2 VM).",
        subcommands = {HostCommand.Start.class, HostCommand.ListHosts.class, HostCommand.Stop.class})
public final class HostCommand implements Runnable {

    static final String VM = "vm";

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    static void requireVm(String kind) {
        if (!VM.equals(kind)) {
            throw new IllegalArgumentException("host: the lab can start and stop \"vm\" hosts, got \"" + kind + "\"");
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Boots a cgroup v2 VM host that runs until `host stop vm`.")
    static final class Start implements Callable<Integer> {

        @Mixin
        VmOptions.Named which;

        @Mixin
        VmOptions.Shape shape = new VmOptions.Shape("6g");

        @Override
        public Integer call() {
            VmHost.Builder builder = shape.vm(which.checkedName());
            VmConfig config = builder.config(); // every bad value fails here, before anything boots
            System.err.println("booting VM '" + config.name() + "' (" + config.memory() + ", "
                    + config.swap().map(s -> "swap " + s).orElse("no swap") + ", " + config.cpus()
                    + " CPUs); under TCG this takes 15-45 s");
            VmHost vm = builder.startDetached();
            System.out.printf("%s: started in %.1f s, Docker at %s (qemu pid %d, console log %s)%n", vm.name(),
                    vm.bootTime().orElseThrow().toMillis() / 1000.0, vm.state().dockerHost(), vm.state().qemuPid(),
                    vm.state().log());
            System.out.println("use it: bin/oomlab verify --hosts local," + vm.name() + ", VmHost.attach(\"" + vm.name()
                    + "\") in the DSL, or DOCKER_HOST=" + vm.state().dockerHost() + "; stop it: bin/oomlab host stop "
                    + (vm.name().equals(VM) ? VM : VM + " --name " + vm.name()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The hosts the lab can run on now.")
    static final class ListHosts implements Callable<Integer> {

        @Override
        public Integer call() {
            System.out.printf("%-8s %-26s %s%n", "name", "Docker", "what");
            System.out.printf("%-8s %-26s %s%n", "local", Hosts.local().endpoint(), "this machine's engine");
            VmRegistry registry = new VmRegistry(VmConfig.builder().build().stateDir());
            List<VmState> reaped = registry.reapStale();
            reaped.forEach(s -> System.err.println("stopped leftover VM '" + s.name() + "' (its lab had ended)"));
            for (VmState s : registry.list()) {
                System.out.printf("%-8s %-26s VM, %s, qemu pid %d, %s, console log %s%n", s.name(), s.dockerHost(),
                        Size.format(s.memoryBytes()), s.qemuPid(),
                        s.detached() ? "runs until `host stop " + s.name() + "`" : "stops with its lab " + s.owner(),
                        s.log());
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a VM host (`host stop vm`).")
    static final class Stop implements Callable<Integer> {

        @Mixin
        VmOptions.Named which;

        @Override
        public Integer call() {
            String name = which.checkedName();
            VmRegistry registry = new VmRegistry(VmConfig.builder().name(name).build().stateDir());
            if (!registry.stop(name)) {
                throw new IllegalArgumentException("name: no VM named \"" + name + "\" is running (see bin/oomlab host list)");
            }
            System.out.println(name + ": stopped");
            return 0;
        }
    }
}
