package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import dev.oomlab.result.Environment;
import dev.oomlab.runtime.HostMemory;

/** Reads the engine's fingerprint once: kernel, cgroup version, Docker and runc versions. */
final class EnvironmentReader {

    private EnvironmentReader() {
    }

    static Environment read(DockerClient docker, String host, boolean local) {
        Info info = docker.infoCmd().exec();
        Version version = docker.versionCmd().exec();
        String runtime = "runc";
        if (version.getComponents() != null) {
            for (VersionComponent c : version.getComponents()) {
                if ("runc".equalsIgnoreCase(c.getName())) {
                    runtime = "runc " + c.getVersion();
                }
            }
        }
        int cgroup = parseCgroup(info.getCGroupVersion());
        long swap = local ? HostMemory.swapTotalBytes() : -1; // a remote host's swap is not in the engine's info
        return new Environment(
                host,
                info.getKernelVersion(),
                cgroup,
                info.getServerVersion(),
                version.getApiVersion(),
                runtime,
                info.getOperatingSystem(),
                info.getArchitecture(),
                info.getMemTotal() == null ? -1 : info.getMemTotal(),
                swap);
    }

    private static int parseCgroup(String v) {
        try {
            return v == null ? 1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
