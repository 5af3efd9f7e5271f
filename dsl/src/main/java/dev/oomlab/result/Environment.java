package dev.oomlab.result;

/**
 * Where a result was observed, so a run elsewhere tells what differs: the host's name as the lab
 * knows it ("local", "vm", an engine's address) and its fingerprint. A figure the host did not
 * give is -1 (memory, swap) or "unknown".
 */
public record Environment(
        String host,
        String kernel,
        int cgroupVersion,
        String dockerVersion,
        String dockerApiVersion,
        String runtime,
        String os,
        String architecture,
        long hostMemoryBytes,
        long hostSwapBytes) {

    public static Environment unknown() {
        return new Environment("unknown", "unknown", 0, "unknown", "unknown", "unknown", "unknown", "unknown", -1, -1);
    }

    public String describe() {
        return String.format("%s: Linux %s, cgroup v%d, Docker %s (API %s), %s, %s %s, memory %s, swap %s",
                host, kernel, cgroupVersion, dockerVersion, dockerApiVersion, runtime, os, architecture,
                mib(hostMemoryBytes), mib(hostSwapBytes));
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : (bytes >> 20) + " MiB";
    }
}
