package dev.oomlab.probe;

import dev.oomlab.spec.Mib;

/**
 * One probe report: where it was (step, bytes done) and the cgroup's own counters at that
 * moment, read from inside the container. Counters are -1 when the kernel does not offer them.
 */
public record Sample(
        ProbeEvent event,
        int step,
        String kind,
        long doneBytes,
        long targetBytes,
        long timeMicros,
        long usage,
        long limit,
        long maxUsage,
        long failcnt,
        long shmem,
        long anon,
        long file,
        long oomKill,
        long underOom) {

    public double usageMib() {
        return mib(usage);
    }

    public double shmemMib() {
        return mib(shmem);
    }

    public double anonMib() {
        return mib(anon);
    }

    public double fileMib() {
        return mib(file);
    }

    public double seconds() {
        return timeMicros / 1e6;
    }

    static double mib(long bytes) {
        return Mib.ofOrNaN(bytes);
    }
}
