package dev.oomlab.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The container's memory cgroup seen from the host, where the daemon is local. It answers what
 * the container cannot: a task stuck under OOM cannot report, and an exec would hang with it.
 */
final class HostCgroup {

    private static final List<String> V1_PARENTS = List.of(
            "/sys/fs/cgroup/memory/docker/", "/sys/fs/cgroup/memory/system.slice/docker-");

    private HostCgroup() {
    }

    /** True when the host's cgroup v1 for this container says under_oom 1. */
    static boolean underOom(String containerId) {
        for (String parent : V1_PARENTS) {
            Path dir = Path.of(parent.endsWith("-") ? parent + containerId + ".scope" : parent + containerId);
            Path control = dir.resolve("memory.oom_control");
            if (Files.isReadable(control)) {
                try {
                    return Files.readAllLines(control).stream().anyMatch(l -> l.trim().equals("under_oom 1"));
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
