package dev.oomlab.host;

import dev.oomlab.host.vm.Accelerator;
import dev.oomlab.host.vm.QemuVm;
import dev.oomlab.host.vm.VmConfig;
import dev.oomlab.host.vm.VmRegistry;
import dev.oomlab.host.vm.VmState;
import dev.oomlab.result.HostFingerprint;
import dev.oomlab.host.vm.VmException;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RuntimeUnavailableException;
import dev.oomlab.spec.Size;
import java.time.Duration;
import java.util.Optional;

/**
 * A cgroup v2 Linux the lab boots itself ({@code Hosts.vm().memory("6g").swap("1g").start()}), or
 * one already running that {@code bin/oomlab host start vm} left. Its Docker engine is reached on
 * a loopback port like any remote engine. Closing a VM this host booted stops it (so does the
 * JVM's end); closing one it only attached to leaves it running.
 */
public final class VmHost implements Host {

    /** A scenario's default timeout on a VM without KVM. */
    static final Duration TCG_TIMEOUT = Duration.ofMinutes(5);

    /** Kept back in the guest for its kernel and dockerd when sizing a suite's budget. */
    static final Size GUEST_RESERVE = Size.ofMib(768);

    private final QemuVm vm;          // null when attached to a VM another process started
    private final VmState state;      // what the VM left in its state dir, its name among it
    private final DockerHost engine;

    private VmHost(QemuVm vm, VmState state) {
        this.vm = vm;
        this.state = state;
        // its swap disk is known here, not through the engine's API: HostNeed.SWAP reads it
        this.engine = Hosts.docker(state.dockerHost().toString()).named(state.name()).labVm(state.swapBytes());
    }

    private VmHost(QemuVm booted) {
        this(booted, booted.state());
    }

    /** The VM of that name that {@code host start} (or another lab) left running, if any. */
    public static Optional<VmHost> attach(String name) {
        VmConfig defaults = VmConfig.builder().name(name).build();
        VmRegistry registry = VmRegistry.of(defaults);
        registry.reapStale();
        return registry.find(name).filter(VmState::qemuAlive)
                .map(s -> new VmHost(null, s));
    }

    @Override
    public String name() {
        return state.name();
    }

    @Override
    public ContainerRuntime runtime() {
        try {
            return engine.runtime();
        } catch (RuntimeUnavailableException e) {
            throw new VmException("VM '" + name() + "': its Docker engine at " + state.dockerHost()
                    + " does not answer (" + e.getMessage() + "); see its console and dockerd log " + state.log());
        }
    }

    /** Whether this object booted the VM and owns it (so stops it on close); a detached VM runs on. */
    public boolean booted() {
        return vm != null && !state.detached();
    }

    public QemuVm vm() {
        return vm;
    }

    public VmState state() {
        return state;
    }

    /** How long the boot took; empty for a VM this host only attached to. */
    public Optional<Duration> bootTime() {
        return vm == null ? Optional.empty() : Optional.of(vm.bootTimes().total());
    }

    /**
     * The engine's fingerprint, with what the lab set when it booted the guest: THP is pinned on
     * its kernel command line, PSI is on (psi=1), swap is the swap disk it attached (-1 when a
     * VM started by an older lab did not record it).
     */
    @Override
    public HostFingerprint fingerprint() {
        HostFingerprint f = engine.fingerprint();
        return new HostFingerprint(f.environment(), f.storageDriver(), state.swapBytes(),
                VmConfig.GUEST_THP + " (set on the guest's kernel command line)", "on (psi=1 on the guest's kernel command line)");
    }

    /**
     * Under TCG (no KVM) a scenario without its own timeout gets {@link #TCG_TIMEOUT}: measured
     * here, a 2g case that ends in 20-40 s on the idle VM passed 60 s while the local engine ran
     * its own cases on the same two cores, and ended as TIMEOUT instead of OOM.
     */
    @Override
    public Duration defaultTimeout() {
        Accelerator accel = vm != null ? vm.accelerator() : Accelerator.detect();
        return accel == Accelerator.TCG ? TCG_TIMEOUT : Host.super.defaultTimeout();
    }

    /** The guest's memory less what its kernel and dockerd keep. */
    @Override
    public long memoryBudgetBytes() {
        long total = runtime().environment().hostMemoryBytes();
        return total < 0 ? -1 : Math.max(total - GUEST_RESERVE.bytes(), 1);
    }

    @Override
    public void close() {
        engine.close();
        if (booted()) {
            vm.close();
        }
    }

    @Override
    public String toString() {
        return vm != null ? name() + " (" + vm + ")" : name() + " (VM at " + state.dockerHost() + ", started elsewhere)";
    }

    /**
     * {@code Hosts.vm().memory("6g").swap("1g").cpus(2).start()}: a VM's settings (those of
     * {@link VmConfig.Settings}), checked before anything boots.
     */
    public static final class Builder extends VmConfig.Settings<Builder> {

        Builder() {
        }

        /** The checked settings, e.g. to show what would boot. */
        public VmConfig config() {
            return toConfig();
        }

        /** Boots it (builds or finds the image first); it stops on close and when the JVM ends. */
        public VmHost start() {
            return new VmHost(QemuVm.start(config()));
        }

        /** Boots it to outlive this JVM: {@code bin/oomlab host start vm}; {@code host stop vm} ends it. */
        public VmHost startDetached() {
            return new VmHost(QemuVm.startDetached(config()));
        }
    }
}
