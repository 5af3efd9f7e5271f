package dev.oomlab.cli;

import dev.oomlab.host.DockerHost;
import dev.oomlab.host.Host;
import dev.oomlab.host.Hosts;
import dev.oomlab.host.VmHost;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts of one {@code verify --hosts}, connected: a VM that {@code host start vm} left is
 * reused; otherwise one is booted now and stopped on close, like every engine connection made here.
 */
final class OpenHosts implements AutoCloseable {

    private final List<Host> hosts;
    private final List<Host> toClose;

    private OpenHosts(List<Host> hosts, List<Host> toClose) {
        this.hosts = List.copyOf(hosts);
        this.toClose = toClose;
    }

    static OpenHosts open(List<HostChoice> choices, String vmMemory, String vmSwap) {
        List<Host> hosts = new ArrayList<>();
        List<Host> toClose = new ArrayList<>();
        try {
            for (HostChoice c : choices) {
                Host h = switch (c.kind()) {
                    case LOCAL -> Hosts.local(); // shared with the rest of the process: closed at its exit
                    case VM -> vm(c.name(), vmMemory, vmSwap);
                    case DOCKER -> Hosts.docker(c.name());
                };
                if (c.kind() != HostChoice.Kind.LOCAL) {
                    toClose.add(h);
                }
                h.runtime(); // an engine that cannot be reached says so now, in one sentence
                hosts.add(h);
            }
        } catch (RuntimeException e) {
            new OpenHosts(hosts, toClose).close();
            throw e;
        }
        return new OpenHosts(hosts, toClose);
    }

    private static Host vm(String name, String memory, String swap) {
        return VmHost.attach(name).map(vm -> {
            System.err.println("verify: using the running VM '" + name + "' at " + vm.state().dockerHost());
            return (Host) vm;
        }).orElseGet(() -> {
            System.err.println("verify: booting VM '" + name + "' (" + memory + ", swap " + swap
                    + "); it is stopped when verify ends");
            VmHost vm = Hosts.vm().name(name).memory(memory).swap(swap).start();
            System.err.printf("verify: VM '%s' up in %.1f s at %s%n", name,
                    vm.bootTime().orElseThrow().toMillis() / 1000.0, vm.state().dockerHost());
            return vm;
        });
    }

    /** The hosts in the order asked; empty when verify runs on this machine's engine only. */
    List<Host> hosts() {
        return hosts;
    }

    @Override
    public void close() {
        for (Host h : toClose) {
            if (h instanceof DockerHost || h instanceof VmHost) {
                h.close();
            }
        }
    }
}
