package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import dev.oomlab.runtime.HostMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** This machine's kernel settings that Docker's info leaves out: THP mode and PSI. */
final class LocalKernel {

    private static final Pattern SELECTED = Pattern.compile("\\[(\\w+)]");

    private LocalKernel() {
    }

    /**
     * Whether the engine runs on this very kernel: a loopback port may be a VM's forwarded engine
     * (the lab's own VM host) or a tunnel, whose /proc and cgroup files are not ours to read. The
     * kernel release and the memory total both have to match.
     */
    static boolean runs(DockerClient docker) {
        try {
            Info info = docker.infoCmd().exec();
            String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
            return release.equals(info.getKernelVersion()) && info.getMemTotal() != null
                    && info.getMemTotal() == HostMemory.totalBytes();
        } catch (IOException | RuntimeException e) {
            return false; // not provably this machine: treat it as remote
        }
    }

    /** The bracketed mode of /sys/kernel/mm/transparent_hugepage/enabled ("always [madvise] never"). */
    static String thpMode() {
        try {
            Matcher m = SELECTED.matcher(Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown (no /sys/kernel/mm/transparent_hugepage)";
        }
    }

    /** "on" when /proc/pressure/memory reads (psi=1 or the build default), else "off". */
    static String psi() {
        try {
            Files.readString(Path.of("/proc/pressure/memory"));
            return "on";
        } catch (IOException e) {
            return "off";
        }
    }
}
