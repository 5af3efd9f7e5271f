package dev.oomlab.result;

import java.time.Duration;
import java.util.List;

/**
 * The raw facts a runtime gathered about one container, before any judgement.
 *
 * @param exitCode      the container's exit code, null when it never exited on its own
 * @param oomKilled     Docker's State.OOMKilled flag
 * @param timedOut      the run passed its timeout and was stopped
 * @param underOom      the cgroup reported under_oom=1 while the task was stuck (OOM killer disabled)
 * @param samples       the probe's events while it ran, in order (its worker's timeline)
 * @param exit          the probe supervisor's last report, read after its worker ended (the
 *                      cgroup's final peak, failcnt and oom_kill), or null when it gave none
 * @param output        lines that were not probe events
 * @param failure       a runtime-level failure (create or start refused), null when none
 */
public record Observation(
        Integer exitCode,
        boolean oomKilled,
        boolean timedOut,
        boolean underOom,
        List<Sample> samples,
        Sample exit,
        List<String> output,
        Duration duration,
        String failure) {

    public Observation {
        samples = List.copyOf(samples);
        output = List.copyOf(output);
    }

    public boolean sawEvent(String event) {
        return samples.stream().anyMatch(s -> s.event().equals(event));
    }

    public Sample lastSample() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }
}
