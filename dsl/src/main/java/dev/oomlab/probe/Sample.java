package dev.oomlab.probe;

import dev.oomlab.spec.Mib;

/**
 * One probe report: where it was (step, bytes done) and the cgroup's own counters at that
 * moment, read from inside the container. Counters are -1 when the kernel does not offer them.
 * psiSomeMicros and psiFullMicros are the cgroup's memory.pressure totals (cgroup v2 only): the
 * time, in microseconds, some or all of its tasks stalled on memory.
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
        long underOom,
        long psiSomeMicros,
        long psiFullMicros) {

    /** Without PSI (cgroup v1, or a line read before the probe reported it): both totals -1. */
    public Sample(ProbeEvent event, int step, String kind, long doneBytes, long targetBytes, long timeMicros,
            long usage, long limit, long maxUsage, long failcnt, long shmem, long anon, long file, long oomKill,
            long underOom) {
        this(event, step, kind, doneBytes, targetBytes, timeMicros, usage, limit, maxUsage, failcnt, shmem, anon, file,
                oomKill, underOom, -1, -1);
    }

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
