package dev.oomlab.result;

/** Where a result was observed, so a run elsewhere tells what differs. */
public record Environment(
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
        return new Environment("unknown", 0, "unknown", "unknown", "unknown", "unknown", "unknown", -1, -1);
    }

    public String describe() {
        return String.format("Linux %s, cgroup v%d, Docker %s (API %s), %s, %s %s, host %d MiB, swap %d MiB",
                kernel, cgroupVersion, dockerVersion, dockerApiVersion, runtime, os, architecture,
                hostMemoryBytes >> 20, hostSwapBytes >> 20);
    }
}
