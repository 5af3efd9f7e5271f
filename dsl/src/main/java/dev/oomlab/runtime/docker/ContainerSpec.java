package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.ShmMount;
import java.util.List;
import java.util.Map;

/**
 * A scenario's limits as Docker's HostConfig, plus the hardening every probe container gets:
 * no network, read-only root, no capabilities, no new privileges, a pids limit.
 */
public final class ContainerSpec {

    public static final long PIDS_LIMIT = 64;

    /**
     * Where a container that sets cgroup v2 files (see {@link dev.oomlab.spec.CgroupV2}) sees its host's
     * cgroup2 mount, read-write. It runs in the host's cgroup namespace, so /proc/self/cgroup names
     * its own directory there, and as root, the owner of those files; it keeps no capability.
     */
    public static final String CGROUP_BIND = "/sys/fs/cgroup:/oomlab/cgroup:rw";

    /** The probe's user: root only where it must write its own cgroup's files. */
    public static String user(ScenarioSpec s) {
        return s.limits().cgroupV2().isEmpty() ? ProbeImage.USER + ":" + ProbeImage.USER : "0:0";
    }

    private ContainerSpec() {
    }

    /** The mount options of a tmpfs at /dev/shm, as Docker's --tmpfs takes them. */
    public static String tmpfsOptions(ShmMount.Tmpfs tmpfs) {
        return "rw,nosuid,nodev,mode=1777" + (tmpfs.size() == null ? "" : ",size=" + tmpfs.size().bytes());
    }

    /**
     * The container's oom_score_adj: the one asked, lowered to the lowest a process asks for, since
     * a process without CAP_SYS_RESOURCE may raise its own value but never go below the one it
     * started with. Null: Docker's default (0).
     */
    public static Integer containerOomScoreAdj(ScenarioSpec s) {
        Integer asked = s.limits().oomScoreAdj();
        Integer lowest = s.lowestOomScoreAdj();
        if (lowest == null) {
            return asked;
        }
        return asked == null ? lowest : Math.min(asked, lowest);
    }

    public static HostConfig hostConfig(ScenarioSpec s) {
        HostConfig hc = HostConfig.newHostConfig()
                .withMemory(s.limits().memory().bytes())
                .withMemorySwap(s.limits().effectiveMemorySwap().bytes())
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPidsLimit(PIDS_LIMIT);
        ShmMount shm = s.limits().shm();
        if (shm instanceof ShmMount.ShmSize sized) {
            hc.withShmSize(sized.size().bytes());
        } else if (shm instanceof ShmMount.Tmpfs tmpfs) {
            hc.withTmpFs(Map.of("/dev/shm", tmpfsOptions(tmpfs)));
        }
        if (s.limits().oomKillDisable()) {
            hc.withOomKillDisable(true);
        }
        if (s.limits().memoryReservation() != null) {
            hc.withMemoryReservation(s.limits().memoryReservation().bytes());
        }
        Integer adj = containerOomScoreAdj(s);
        if (adj != null) {
            hc.withOomScoreAdj(adj);
        }
        if (s.limits().kernelMemory() != null) {
            hc.withKernelMemory(s.limits().kernelMemory().bytes());
        }
        if (s.limits().ipc() != null) {
            hc.withIpcMode(s.limits().ipc());
        }
        if (!s.limits().cgroupV2().isEmpty()) {
            hc.withCgroupnsMode("host").withBinds(com.github.dockerjava.api.model.Bind.parse(CGROUP_BIND));
            if (s.limits().cgroupV2().parentProtected()) {
                hc.withCgroupParent(dev.oomlab.spec.CgroupV2.PROTECTED_PARENT);
            }
        }
        return hc;
    }
}
