package dev.oomlab.result;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import java.time.Duration;
import java.util.List;

/**
 * The raw facts a runtime gathered about one container, before any judgement. Built with
 * {@link #builder()}, so no two booleans can be swapped by position.
 *
 * @param exitCode  the container's exit code, null when it never exited on its own
 * @param oomKilled Docker's State.OOMKilled flag
 * @param timedOut  the run passed its timeout and was stopped
 * @param underOom  the cgroup reported under_oom=1 while the task was stuck (OOM killer disabled)
 * @param samples   the probe's events while it ran, in order (its worker's timeline)
 * @param exit      the probe supervisor's last report, read after its worker ended (the
 *                  cgroup's final peak, failcnt and oom_kill), or null when it gave none
 * @param output    lines that were not probe events
 * @param failure   a runtime-level failure (create or start refused), null when none
 */
public record Observation(Integer exitCode, boolean oomKilled, boolean timedOut, boolean underOom,
                          List<Sample> samples, Sample exit, List<String> output, Duration duration,
                          String failure) {

    public Observation {
        samples = List.copyOf(samples);
        output = List.copyOf(output);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A runtime-level failure: nothing ran to observe. */
    public static Observation failed(String failure, Duration duration) {
        return builder().failure(failure).duration(duration).build();
    }

    public boolean sawEvent(ProbeEvent event) {
        return samples.stream().anyMatch(s -> s.event() == event);
    }

    public Sample lastSample() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    /** Named steps for each fact; unset facts are absent (null, false, empty). */
    public static final class Builder {
        private Integer exitCode;
        private boolean oomKilled;
        private boolean timedOut;
        private boolean underOom;
        private List<Sample> samples = List.of();
        private Sample exit;
        private List<String> output = List.of();
        private Duration duration = Duration.ZERO;
        private String failure;

        private Builder() {
        }

        public Builder exitCode(Integer code) {
            this.exitCode = code;
            return this;
        }

        public Builder oomKilled(boolean flag) {
            this.oomKilled = flag;
            return this;
        }

        /** Stopped at its timeout; {@code stuckUnderOom} when the cgroup said under_oom 1 then. */
        public Builder timedOut(boolean stuckUnderOom) {
            this.timedOut = true;
            this.underOom = stuckUnderOom;
            return this;
        }

        public Builder samples(List<Sample> events) {
            this.samples = events;
            return this;
        }

        public Builder exit(Sample report) {
            this.exit = report;
            return this;
        }

        public Builder output(List<String> lines) {
            this.output = lines;
            return this;
        }

        public Builder duration(Duration elapsed) {
            this.duration = elapsed;
            return this;
        }

        public Builder failure(String message) {
            this.failure = message;
            return this;
        }

        public Observation build() {
            return new Observation(exitCode, oomKilled, timedOut, underOom, samples, exit, output, duration, failure);
        }
    }
}
