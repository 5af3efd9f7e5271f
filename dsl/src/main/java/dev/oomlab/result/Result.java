package dev.oomlab.result;

import dev.oomlab.probe.FsStat;
import dev.oomlab.probe.ProcessReport;
import dev.oomlab.spec.Mib;
import dev.oomlab.probe.Sample;
import dev.oomlab.spec.ScenarioSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a scenario observed: the outcome and the evidence for it (exit code, Docker's
 * OOMKilled flag, recorded apart since the flag is unreliable on some kernels), how far each
 * step got, the probe's timeline of cgroup counters, and where it ran.
 *
 * @param prediction what the limit model predicts, attached once by the runner; null when none was made
 * @param detail    one sentence on why this outcome was chosen
 * @param output    the container's lines that were not probe events (errors, usage)
 * @param exitReport the probe supervisor's report after its worker ended: the cgroup's final
 *                  counters; null when the container was stopped from outside before it could report
 * @param warnings   what the engine said when it accepted the container (e.g. a deprecated flag)
 * @param filesystems what the probe's statfs steps said (what df shows inside)
 * @param touchedBytes bytes (whole pages) an until-killed step touched before the worker ended; -1 without one
 * @param container the container this result was measured in (its name), "" when none was started
 * @param reused    true when this result was not measured now but taken from an earlier run's
 *                  store ({@code runId} and {@code container} then say which run measured it)
 * @param processes how each process of a scenario with several ended, in the order they ended
 *                  (those holding when the run ended last); empty for a scenario of one process
 * @param reclaim   reclaim counters before and after: the cgroup's (from the probe) and the host's
 *                  /proc/vmstat (read by the lab where the engine is local; else it says why not)
 */
public record Result(
        ScenarioSpec scenario,
        Outcome outcome,
        Integer exitCode,
        boolean oomKilled,
        List<StepProgress> steps,
        List<Sample> samples,
        long peakBytes,
        long failcnt,
        long oomKillCount,
        Duration duration,
        Environment environment,
        String runId,
        String detail,
        List<String> output,
        Prediction prediction,
        Sample exitReport,
        List<String> warnings,
        List<FsStat> filesystems,
        long touchedBytes,
        String container,
        boolean reused,
        List<ProcessReport> processes,
        Reclaim reclaim) {

    public Result {
        warnings = List.copyOf(warnings);
        filesystems = List.copyOf(filesystems);
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        output = List.copyOf(output);
        container = container == null ? "" : container;
        processes = processes == null ? List.of() : List.copyOf(processes);
        reclaim = reclaim == null ? Reclaim.none() : reclaim;
    }

    /** The processes the OOM killer (or a signal) killed, by name, in the order they died. */
    public List<String> killedProcesses() {
        return processes.stream().filter(ProcessReport::killed).map(ProcessReport::name).toList();
    }

    /** The report of the named process of several. */
    public Optional<ProcessReport> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Builder builder(ScenarioSpec scenario) {
        return new Builder(scenario);
    }

    public Result withPrediction(Prediction newPrediction) {
        return new Result(scenario, outcome, exitCode, oomKilled, steps, samples, peakBytes, failcnt, oomKillCount,
                duration, environment, runId, detail, output, newPrediction, exitReport, warnings, filesystems,
                touchedBytes, container, reused, processes, reclaim);
    }

    /** This result as taken from a store: the same observation, marked as not measured now. */
    public Result asReused() {
        return new Result(scenario, outcome, exitCode, oomKilled, steps, samples, peakBytes, failcnt, oomKillCount,
                duration, environment, runId, detail, output, prediction, exitReport, warnings, filesystems,
                touchedBytes, container, true, processes, reclaim);
    }

    /** This result for a scenario equal to its own but for the name (a store hit under another name). */
    public Result withScenario(ScenarioSpec same) {
        return new Result(same, outcome, exitCode, oomKilled, steps, samples, peakBytes, failcnt, oomKillCount,
                duration, environment, runId, detail, output, prediction, exitReport, warnings, filesystems,
                touchedBytes, container, reused, processes, reclaim);
    }

    /** "measured now in run r (container c)" or "reused from run r (container c)". */
    public String provenance() {
        String where = "run " + (runId.isEmpty() ? "?" : runId) + (container.isEmpty() ? "" : ", container " + container);
        return reused ? "reused from " + where + ", not run again" : "measured now (" + where + ")";
    }

    /** The model's predicted outcome, or null when no prediction was made. */
    public Outcome predicted() {
        return prediction == null ? null : prediction.outcome();
    }

    /** True when a prediction was made and the kernel did something else. */
    public boolean disagreesWithModel() {
        return prediction != null && prediction.outcome() != outcome;
    }

    /** True when peak, failcnt and oom_kill are the cgroup's final values, not the last sample's. */
    public boolean countersAreFinal() {
        return exitReport != null;
    }

    public double peakMib() {
        return Mib.ofOrNaN(peakBytes);
    }

    /** The first step that did not complete, or empty when all did. */
    public Optional<StepProgress> stoppedAt() {
        return steps.stream().filter(s -> !s.completed()).findFirst();
    }

    public boolean allStepsDone() {
        return stoppedAt().isEmpty();
    }

    /** One line: outcome, exit code, flag, where it stopped, peak. */
    public String headline() {
        StringBuilder s = new StringBuilder(outcome.name());
        s.append(" (exit ").append(exitCode == null ? "none" : exitCode)
                .append(", OOMKilled ").append(oomKilled);
        stoppedAt().ifPresentOrElse(
                p -> s.append(", stopped in step ").append(p.index() + 1).append(" ").append(p.describe()),
                () -> s.append(", all ").append(steps.size()).append(" steps done"));
        if (peakBytes >= 0) {
            s.append(String.format(", peak %.0f MiB", peakMib()));
        }
        return s.append(")").toString();
    }

    /** A readable summary: limits, steps and how far each got, outcome, evidence, peak. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (scenario.name() != null) {
            s.append(scenario.name()).append('\n');
        }
        s.append("limits:  ").append(scenario.limitsText()).append('\n');
        s.append("steps:\n");
        for (StepProgress p : steps) {
            s.append("  ").append(p.index() + 1).append(". ").append(p.describe()).append('\n');
        }
        for (ProcessReport p : processes) {
            s.append("  ").append(p.describe()).append('\n');
        }
        s.append("outcome: ").append(outcome).append(" - ").append(detail).append('\n');
        s.append("exit code ").append(exitCode == null ? "none" : exitCode)
                .append(", OOMKilled ").append(oomKilled);
        if (peakBytes >= 0) {
            s.append(String.format(", peak %.1f MiB", peakMib()));
        }
        if (failcnt >= 0) {
            s.append(", failcnt ").append(failcnt);
        }
        s.append(String.format(", %.2f s", duration.toMillis() / 1000.0)).append('\n');
        String v2 = CgroupV2Figures.text(this);
        if (!v2.isEmpty()) {
            s.append(v2).append('\n');
        }
        if (prediction != null) {
            s.append("model:   ").append(prediction.outcome())
                    .append(disagreesWithModel() ? " (DISAGREES with the kernel)" : " (agrees)").append('\n');
        }
        s.append("on:      ").append(environment.describe()).append('\n');
        s.append("run:     ").append(provenance());
        filesystems.forEach(f -> s.append("\n").append(f));
        warnings.forEach(w -> s.append("\nengine warning: ").append(w));
        if (!output.isEmpty()) {
            s.append("\noutput:  ").append(String.join("\n         ", output));
        }
        return s.toString();
    }

    /**
     * Named steps for a result; what is not set is absent (-1 counters, no samples, no output).
     * Runtimes build results from an {@link Observation} through {@link Results}; tests and other
     * runtimes build them here.
     */
    public static final class Builder {
        private final ScenarioSpec scenario;
        private Outcome outcome = Outcome.ERROR;
        private String detail = "";
        private Integer exitCode;
        private boolean oomKilled;
        private List<StepProgress> steps = List.of();
        private List<Sample> samples = List.of();
        private long peakBytes = -1;
        private long failcnt = -1;
        private long oomKillCount = -1;
        private Duration duration = Duration.ZERO;
        private Environment environment = Environment.unknown();
        private String runId = "";
        private List<String> output = List.of();
        private Prediction prediction;
        private Sample exitReport;
        private List<String> warnings = List.of();
        private List<FsStat> filesystems = List.of();
        private long touchedBytes = -1;
        private String container = "";
        private boolean reused;
        private List<ProcessReport> processes = List.of();
        private Reclaim reclaim = Reclaim.none();

        private Builder(ScenarioSpec scenario) {
            this.scenario = scenario;
        }

        public Builder outcome(Outcome value, String why) {
            this.outcome = value;
            this.detail = why;
            return this;
        }

        public Builder exitCode(Integer value) {
            this.exitCode = value;
            return this;
        }

        public Builder oomKilled(boolean value) {
            this.oomKilled = value;
            return this;
        }

        public Builder steps(List<StepProgress> value) {
            this.steps = value;
            return this;
        }

        public Builder samples(List<Sample> value) {
            this.samples = value;
            return this;
        }

        /** The cgroup's peak, failcnt and oom_kill count; -1 where unknown. */
        public Builder counters(long peak, long failures, long oomKills) {
            this.peakBytes = peak;
            this.failcnt = failures;
            this.oomKillCount = oomKills;
            return this;
        }

        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        public Builder environment(Environment value) {
            this.environment = value;
            return this;
        }

        public Builder runId(String value) {
            this.runId = value;
            return this;
        }

        public Builder output(List<String> value) {
            this.output = value;
            return this;
        }

        public Builder prediction(Prediction value) {
            this.prediction = value;
            return this;
        }

        public Builder exitReport(Sample value) {
            this.exitReport = value;
            return this;
        }

        public Builder warnings(List<String> value) {
            this.warnings = value;
            return this;
        }

        public Builder filesystems(List<FsStat> value) {
            this.filesystems = value;
            return this;
        }

        public Builder touchedBytes(long value) {
            this.touchedBytes = value;
            return this;
        }

        public Builder container(String value) {
            this.container = value;
            return this;
        }

        public Builder reused(boolean value) {
            this.reused = value;
            return this;
        }

        public Builder processes(List<ProcessReport> value) {
            this.processes = value;
            return this;
        }

        public Builder reclaim(Reclaim value) {
            this.reclaim = value;
            return this;
        }

        public Result build() {
            return new Result(scenario, outcome, exitCode, oomKilled, steps, samples, peakBytes, failcnt, oomKillCount,
                    duration, environment, runId, detail, output, prediction, exitReport, warnings, filesystems,
                    touchedBytes, container, reused, processes, reclaim);
        }
    }
}
