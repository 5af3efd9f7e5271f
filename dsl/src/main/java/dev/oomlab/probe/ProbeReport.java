package dev.oomlab.probe;

import java.util.List;
import java.util.Map;

/**
 * Everything the probe said in one run, before anyone judges it.
 *
 * @param samples its worker's events, in order: the run's timeline
 * @param exit    the supervisor's last report after its worker ended (the cgroup's final peak,
 *                failcnt and oom_kill), or null when it gave none (stopped from outside)
 * @param output  lines that were not probe events (errors, a crash message)
 * @param filesystems what the statfs steps said, in order
 * @param touchedBytes bytes an until-killed step touched (whole pages), from the supervisor's exit line; -1 when none
 * @param processes how each process of a scenario with several ended, in the order they ended (those
 *                  still holding at the end last); empty for a scenario of one process
 * @param hung      the supervisor found its worker stalled under OOM and stopped it (its "hung" line)
 * @param statBefore the cgroup's reclaim counters (memory.stat) on the start line; empty when not reported
 * @param statAfter  the same on the exit line
 * @param cgroupWrites the cgroup v2 files the probe set before its first step, in order
 */
public record ProbeReport(List<Sample> samples, Sample exit, List<String> output, List<FsStat> filesystems,
                          long touchedBytes, List<ProcessReport> processes, boolean hung,
                          Map<String, Long> statBefore, Map<String, Long> statAfter, List<CgroupWrite> cgroupWrites) {

    public ProbeReport {
        samples = List.copyOf(samples);
        output = List.copyOf(output);
        filesystems = List.copyOf(filesystems);
        processes = List.copyOf(processes);
        statBefore = statBefore == null ? Map.of() : Map.copyOf(statBefore);
        statAfter = statAfter == null ? Map.of() : Map.copyOf(statAfter);
        cgroupWrites = cgroupWrites == null ? List.of() : List.copyOf(cgroupWrites);
    }

    public ProbeReport(List<Sample> samples, Sample exit, List<String> output, List<FsStat> filesystems,
                       long touchedBytes) {
        this(samples, exit, output, filesystems, touchedBytes, List.of(), false, Map.of(), Map.of(), List.of());
    }

    /** A report with no statfs step and no until-killed step. */
    public ProbeReport(List<Sample> samples, Sample exit, List<String> output) {
        this(samples, exit, output, List.of(), -1);
    }

    /** Nothing said: the container never ran. */
    public static ProbeReport none() {
        return new ProbeReport(List.of(), null, List.of());
    }

    public boolean saw(ProbeEvent event) {
        return samples.stream().anyMatch(s -> s.event() == event);
    }

    public Sample lastSample() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }
}
