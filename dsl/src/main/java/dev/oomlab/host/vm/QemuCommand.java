package dev.oomlab.host.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The qemu-system-x86_64 command line of one boot; a pure function of its inputs. */
final class QemuCommand {

    /** The guest's Docker API port (dockerd listens on the slirp address 10.0.2.15 only). */
    static final int GUEST_DOCKER_PORT = 2375;

    private QemuCommand() {
    }

    static String kernelArgs(boolean swap) {
        return String.join(" ",
                "console=ttyS0", "root=/dev/vda", "rw", "init=/sbin/oomlab-init", "loglevel=4",
                // cgroup v2 only: no v1 controller may claim memory before the unified hierarchy
                "systemd.unified_cgroup_hierarchy=1", "cgroup_no_v1=all", "psi=1",
                "transparent_hugepage=" + VmConfig.GUEST_THP,
                // a panic (init gone, i.e. dockerd died) ends qemu at once (-no-reboot)
                "panic=-1",
                "oomlab.swap=" + (swap ? 1 : 0));
    }

    static List<String> build(String qemu, VmConfig config, VmImage image, Accelerator accel, int hostPort,
            Optional<Path> swapDisk) {
        List<String> cmd = new ArrayList<>(List.of(qemu, "-name", "oomlab-" + config.name()));
        cmd.addAll(accel.qemuArgs());
        cmd.addAll(List.of(
                "-m", config.memory().wholeMib() + "M",
                "-smp", Integer.toString(config.cpus()),
                "-nodefaults", "-no-user-config", "-display", "none", "-monitor", "none",
                "-serial", "stdio", "-no-reboot",
                "-kernel", image.kernel().toString(),
                "-initrd", image.initrd().toString(),
                "-append", kernelArgs(swapDisk.isPresent()),
                // snapshot=on: writes go to a temp file qemu unlinks at once, the cached image stays pristine
                "-drive", "file=" + image.rootfs() + ",format=raw,if=virtio,snapshot=on"));
        swapDisk.ifPresent(d -> cmd.addAll(List.of("-drive", "file=" + d + ",format=raw,if=virtio,cache=unsafe")));
        cmd.addAll(List.of(
                // restrict=on: the guest reaches nothing outside; hostfwd binds loopback only
                "-netdev", "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:" + hostPort + "-:" + GUEST_DOCKER_PORT,
                "-device", "virtio-net-pci,netdev=n0",
                "-device", "virtio-rng-pci"));
        return List.copyOf(cmd);
    }
}
