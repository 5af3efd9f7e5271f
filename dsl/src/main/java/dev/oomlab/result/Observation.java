package dev.oomlab.result;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.ProbeReport;
import dev.oomlab.probe.Sample;
import java.time.Duration;
import java.util.List;

/**
 * The raw facts a runtime gathered about one container, before any judgement. Made by one of
 * three named factories, one per way a run ends, so no two flags can be swapped by position.
 *
 * @param exitCode  the container's exit code, null when it never exited on its own
 * @param oomKilled Docker's State.OOMKilled flag
 * @param timedOut  the run passed its timeout and was stopped
 * @param underOom  the cgroup reported under_oom=1 while the task was stuck (OOM killer disabled)
 * @param probe     what the probe said
 * @param failure   a runtime-level failure (create or start refused), null when none
 * @param refused   the engine refused to create the container (its answer is the failure)
 * @param warnings  what the engine said when it accepted the container (deprecations, ignored flags)
 * @param host      the host's reclaim counters before and after (its side of {@link Reclaim}), or why unread
 */
public record Observation(Integer exitCode, boolean oomKilled, boolean timedOut, boolean underOom,
                          ProbeReport probe, Duration duration, String failure, boolean refused,
                          List<String> warnings, Reclaim host) {

    public Observation {
        warnings = List.copyOf(warnings);
        host = host == null ? Reclaim.none() : host;
    }

    /** The container exited: its code and Docker's OOMKilled flag. */
    public static Observation exited(Integer exitCode, boolean oomKilledFlag, ProbeReport probe, Duration d) {
        return new Observation(exitCode, oomKilledFlag, false, false, probe, d, null, false, List.of(), null);
    }

    /** Stopped at its timeout; {@code stuckUnderOom} when the cgroup said under_oom 1 then. */
    public static Observation timedOut(boolean stuckUnderOom, ProbeReport probe, Duration d) {
        return new Observation(null, false, true, stuckUnderOom, probe, d, null, false, List.of(), null);
    }

    /** A runtime-level failure: nothing ran to observe. */
    public static Observation failed(String failure, Duration d) {
        return new Observation(null, false, false, false, ProbeReport.none(), d, failure, false, List.of(), null);
    }

    /** The engine refused the container: its own answer, kept as it said it. */
    public static Observation refused(String engineAnswer, Duration d) {
        return new Observation(null, false, false, false, ProbeReport.none(), d, engineAnswer, true, List.of(), null);
    }

    /** The same observation with the engine's warnings on create. */
    public Observation withWarnings(List<String> engineWarnings) {
        return new Observation(exitCode, oomKilled, timedOut, underOom, probe, duration, failure, refused,
                engineWarnings, host);
    }

    /** The same observation with the host's reclaim counters before and after the run. */
    public Observation withHost(Reclaim hostSide) {
        return new Observation(exitCode, oomKilled, timedOut, underOom, probe, duration, failure, refused,
                warnings, hostSide);
    }

    /** The container's and the host's reclaim counters, before and after. */
    public Reclaim reclaim() {
        return new Reclaim(probe.statBefore(), probe.statAfter(), host.hostBefore(), host.hostAfter(),
                host.hostUnavailable());
    }

    public List<Sample> samples() {
        return probe.samples();
    }

    public Sample exit() {
        return probe.exit();
    }

    public List<String> output() {
        return probe.output();
    }

    public boolean sawEvent(ProbeEvent event) {
        return probe.saw(event);
    }

    public long touchedBytes() {
        return probe.touchedBytes();
    }

    public Sample lastSample() {
        return probe.lastSample();
    }
}
