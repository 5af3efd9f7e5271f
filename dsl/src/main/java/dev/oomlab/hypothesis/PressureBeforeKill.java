package dev.oomlab.hypothesis;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import java.util.List;
import java.util.Optional;

/**
 * E18's evidence: the cgroup's memory.pressure "some" total (microseconds its tasks stalled on
 * memory, cgroup v2's PSI) grew between the run's first report and its last report before the
 * kill, so a watcher of memory.pressure saw the stall before the OOM kill came. Read from the
 * probe's own lines; on cgroup v1 there is no PSI and the run cannot tell.
 */
record PressureBeforeKill(String describe) implements Evidence {

    @Override
    public Optional<Boolean> holds(Result r) {
        if (r.outcome() != Outcome.OOM) {
            return Optional.empty();
        }
        List<Sample> before = beforeKill(r);
        if (before.size() < 2 || before.get(0).psiSomeMicros() < 0) {
            return Optional.empty();
        }
        return Optional.of(lastBefore(before) > before.get(0).psiSomeMicros());
    }

    @Override
    public String why(Result r) {
        List<Sample> before = beforeKill(r);
        if (before.isEmpty() || before.get(0).psiSomeMicros() < 0) {
            return "no memory.pressure figures in the probe's lines (PSI is cgroup v2's)";
        }
        Sample last = before.get(before.size() - 1);
        return String.format("PSI some total %d us at the start, %d us at %.2f s (usage %.0f MiB), the last report "
                        + "before the kill; full %d us", before.get(0).psiSomeMicros(), last.psiSomeMicros(),
                last.seconds(), last.usageMib(), last.psiFullMicros());
    }

    /** The probe's reports up to, not including, its exit line. */
    private static List<Sample> beforeKill(Result r) {
        return r.samples().stream().filter(s -> s.event() != ProbeEvent.EXIT).toList();
    }

    private static long lastBefore(List<Sample> before) {
        return before.get(before.size() - 1).psiSomeMicros();
    }
}
