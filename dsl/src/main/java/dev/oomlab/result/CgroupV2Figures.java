package dev.oomlab.result;

import dev.oomlab.probe.Sample;
import java.util.List;
import java.util.StringJoiner;

/**
 * The figures only a cgroup v2 host reports (memory.events, swap, memory.high), as a result's text
 * and its views show them. On cgroup v1 the probe reports -1 for each, and they are left out.
 */
public final class CgroupV2Figures {

    private CgroupV2Figures() {
    }

    /**
     * The cgroup's final counters, read after the worker ended; when the container was stopped from
     * outside (a timeout) there are none, and the last sample's stand in. Null without samples.
     */
    public static Sample lastReport(Result r) {
        if (r.exitReport() != null) {
            return r.exitReport();
        }
        return r.samples().isEmpty() ? null : r.samples().get(r.samples().size() - 1);
    }

    /** The highest memory.swap.current seen (the exit report included); -1 when the host does not count swap. */
    public static long swapPeakBytes(Result r) {
        long peak = r.samples().stream().mapToLong(s -> s.v2().swap()).max().orElse(-1);
        return r.exitReport() == null ? peak : Math.max(peak, r.exitReport().v2().swap());
    }

    /**
     * memory.high as the kernel read it back (page-rounded), from the last sample that has one: the
     * lab writes it after the probe's first report, which still reads "max". -1 when never set.
     */
    public static long highLimitBytes(List<Sample> samples) {
        for (int i = samples.size() - 1; i >= 0; i--) {
            long high = samples.get(i).v2().highLimit();
            if (high > 0) {
                return high;
            }
        }
        return -1;
    }

    /** "high 350, max 0, oom 0, oom_kill 0": the memory.events counters the kernel offers, "" when none (cgroup v1). */
    public static String eventsText(Sample s) {
        StringJoiner j = new StringJoiner(", ");
        Sample.V2 v2 = s.v2();
        add(j, "high", v2.eventsHigh());
        add(j, "max", v2.eventsMax());
        add(j, "oom", v2.eventsOom());
        add(j, "oom_kill", v2.eventsOomKill());
        return j.toString();
    }

    private static void add(StringJoiner j, String name, long count) {
        if (count >= 0) {
            j.add(name + " " + count);
        }
    }

    /**
     * "memory.events high 385, max 0, oom 0, oom_kill 0 (at last sample); swap peak sampled 92.4 MiB",
     * or "" on cgroup v1.
     */
    public static String text(Result r) {
        Sample last = lastReport(r);
        String events = last == null ? "" : eventsText(last);
        long swap = swapPeakBytes(r);
        StringJoiner line = new StringJoiner("; ");
        if (!events.isEmpty()) {
            line.add("memory.events " + events + (r.exitReport() == null && r.outcome() != Outcome.OK
                    ? " (at last sample)" : ""));
        }
        if (swap >= 0) {
            line.add(String.format("swap peak sampled %.1f MiB", dev.oomlab.spec.Mib.of(swap)));
        }
        return line.toString();
    }
}
