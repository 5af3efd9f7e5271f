package dev.oomlab.cli;

import dev.oomlab.probe.ProbeCommand;
import dev.oomlab.runtime.docker.ContainerSpec;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.ShmMount;
import java.util.ArrayList;
import java.util.List;

/**
 * The `docker run --rm` command line that runs a scenario the way the runtime does (same image,
 * limits and hardening): the baseline of the benchmarks, and a command users can paste.
 */
final class DockerCliArgs {

    private DockerCliArgs() {
    }

    static List<String> of(ScenarioSpec s, String image) {
        List<String> args = new ArrayList<>(List.of("docker", "run", "--rm",
                "--memory", bytes(s.limits().memory().bytes()), "--memory-swap", bytes(s.limits().effectiveMemorySwap().bytes()),
                "--network", "none", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--pids-limit", String.valueOf(ContainerSpec.PIDS_LIMIT),
                "--user", ContainerSpec.user(s), "-v", ProbeCommand.SCRATCH_DIR));
        ShmMount shm = s.limits().shm();
        if (shm instanceof ShmMount.ShmSize sized) {
            args.addAll(List.of("--shm-size", bytes(sized.size().bytes())));
        } else if (shm instanceof ShmMount.Tmpfs tmpfs) {
            args.addAll(List.of("--tmpfs", "/dev/shm:" + ContainerSpec.tmpfsOptions(tmpfs)));
        }
        if (s.limits().oomKillDisable()) {
            args.add("--oom-kill-disable");
        }
        if (s.limits().memoryReservation() != null) {
            args.addAll(List.of("--memory-reservation", bytes(s.limits().memoryReservation().bytes())));
        }
        Integer adj = ContainerSpec.containerOomScoreAdj(s);
        if (adj != null) {
            args.addAll(List.of("--oom-score-adj", String.valueOf(adj)));
        }
        if (s.limits().ipc() != null) {
            args.addAll(List.of("--ipc", s.limits().ipc()));
        }
        if (!s.limits().cgroupV2().isEmpty()) {
            args.addAll(List.of("--cgroupns", "host", "-v", ContainerSpec.CGROUP_BIND));
            if (s.limits().cgroupV2().parentProtected()) {
                args.addAll(List.of("--cgroup-parent", dev.oomlab.spec.CgroupV2.PROTECTED_PARENT));
            }
        }
        args.add(image);
        args.addAll(ProbeCommand.argv(s));
        return args;
    }

    private static String bytes(long n) {
        return n + "b";
    }
}
