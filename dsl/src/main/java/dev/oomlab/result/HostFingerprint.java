package dev.oomlab.result;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a host is, as far as memory goes, so that results from two hosts can be told apart:
 * kernel, cgroup version, Docker and its storage driver, memory, swap, THP mode and PSI. A figure
 * the host did not give is -1 (memory, swap) or "unknown ..." saying why.
 *
 * @param thp the transparent huge page mode ("madvise", "always", "never")
 * @param psi whether the kernel keeps pressure stall information ("on", "off")
 */
public record HostFingerprint(Environment environment, String storageDriver, long swapBytes, String thp, String psi) {

    public HostFingerprint {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(storageDriver, "storageDriver");
        Objects.requireNonNull(thp, "thp");
        Objects.requireNonNull(psi, "psi");
    }

    public String host() {
        return environment.host();
    }

    public long memoryBytes() {
        return environment.hostMemoryBytes();
    }

    /** The fingerprint as rows of "field: value", in the order a report shows them. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kernel", environment.kernel());
        f.put("cgroup", "v" + environment.cgroupVersion());
        f.put("Docker", environment.dockerVersion());
        f.put("storage driver", storageDriver);
        f.put("memory", mib(environment.hostMemoryBytes()));
        f.put("swap", mib(swapBytes));
        f.put("THP", thp);
        f.put("PSI", psi);
        return f;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : (bytes >> 20) + " MiB";
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(host()).append(':');
        fields().forEach((k, v) -> s.append(' ').append(k).append(' ').append(v).append(','));
        return s.substring(0, s.length() - 1);
    }
}
