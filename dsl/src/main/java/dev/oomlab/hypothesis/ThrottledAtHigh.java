package dev.oomlab.hypothesis;

import dev.oomlab.probe.Sample;
import dev.oomlab.result.CgroupV2Figures;
import dev.oomlab.result.Result;
import dev.oomlab.spec.Mib;
import java.util.Optional;

/**
 * E10's and E15's evidence: the cgroup went over memory.high and was throttled there (memory.events
 * "high" counted it) while its usage never reached memory.max, so memory.high, not the limit,
 * held it. Read from the probe's own lines; the last one stands for a run stopped from outside.
 */
record ThrottledAtHigh(String describe) implements Evidence {

    @Override
    public Optional<Boolean> holds(Result r) {
        Sample last = CgroupV2Figures.lastReport(r); // a run stopped at its timeout has no exit report
        if (last == null || last.v2().eventsHigh() < 0 || last.limit() <= 0) {
            return Optional.empty();
        }
        return Optional.of(last.v2().eventsHigh() > 0 && maxUsage(r) < last.limit());
    }

    @Override
    public String why(Result r) {
        Sample last = CgroupV2Figures.lastReport(r); // a run stopped at its timeout has no exit report
        if (last == null || last.v2().eventsHigh() < 0) {
            return "no memory.events figures in the probe's lines (they are cgroup v2's)";
        }
        return String.format("memory.events high %d, max %d; usage at most %.0f MiB against memory.high %.0f MiB and "
                        + "memory.max %.0f MiB", last.v2().eventsHigh(), last.v2().eventsMax(), Mib.ofOrNaN(maxUsage(r)),
                Mib.ofOrNaN(last.v2().highLimit()), Mib.ofOrNaN(last.limit()));
    }

    private static long maxUsage(Result r) {
        return r.samples().stream().mapToLong(Sample::usage).max().orElse(-1);
    }
}
