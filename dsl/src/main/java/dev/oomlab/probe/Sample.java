package dev.oomlab.probe;

import dev.oomlab.spec.Mib;

/**
 * One probe report: where it was (step, bytes done) and the cgroup's own counters at that
 * moment, read from inside the container. Counters are -1 when the kernel does not offer them.
 * psiSomeMicros and psiFullMicros are the cgroup's memory.pressure totals (cgroup v2 only): the
 * time, in microseconds, some or all of its tasks stalled on memory; v2 holds the other counters
 * only cgroup v2 has (memory.high, swap, memory.events).
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
        long psiFullMicros,
        V2 v2) {

    /**
     * The counters only cgroup v2 has, -1 elsewhere.
     *
     * @param highLimit memory.high in bytes (-1 also for "max")
     * @param swap      memory.swap.current
     * @param eventsHigh    memory.events high: times the cgroup was throttled over memory.high
     * @param eventsMax     memory.events max: times usage hit memory.max
     * @param eventsOom     memory.events oom: times reclaim failed at memory.max
     * @param eventsOomKill memory.events oom_kill: processes the OOM killer took
     */
    public record V2(long highLimit, long swap, long eventsHigh, long eventsMax, long eventsOom, long eventsOomKill) {
        public static final V2 NONE = new V2(-1, -1, -1, -1, -1, -1);

        public double swapMib() {
            return mib(swap);
        }
    }

    public Sample {
        v2 = v2 == null ? V2.NONE : v2;
    }

    /** Without the other v2 counters. */
    public Sample(ProbeEvent event, int step, String kind, long doneBytes, long targetBytes, long timeMicros,
            long usage, long limit, long maxUsage, long failcnt, long shmem, long anon, long file, long oomKill,
            long underOom, long psiSomeMicros, long psiFullMicros) {
        this(event, step, kind, doneBytes, targetBytes, timeMicros, usage, limit, maxUsage, failcnt, shmem, anon, file,
                oomKill, underOom, psiSomeMicros, psiFullMicros, V2.NONE);
    }

    /** Without PSI (cgroup v1, or a line read before the probe reported it): both totals -1. */
    public Sample(ProbeEvent event, int step, String kind, long doneBytes, long targetBytes, long timeMicros,
            long usage, long limit, long maxUsage, long failcnt, long shmem, long anon, long file, long oomKill,
            long underOom) {
        this(event, step, kind, doneBytes, targetBytes, timeMicros, usage, limit, maxUsage, failcnt, shmem, anon, file,
                oomKill, underOom, -1, -1, V2.NONE);
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
