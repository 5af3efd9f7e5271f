package dev.oomlab.result;

import dev.oomlab.display.Displayable;
import dev.oomlab.display.MimeBundle;
import dev.oomlab.spec.Scenario;
import dev.oomlab.view.ResultCard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a scenario observed: the outcome and the evidence for it (exit code, Docker's
 * OOMKilled flag, recorded apart since the flag is unreliable on some kernels), how far each
 * step got, the probe's timeline of cgroup counters, and where it ran.
 *
 * @param predicted what the limit model predicts, or null when no prediction was made
 * @param detail    one sentence on why this outcome was chosen
 * @param output    the container's lines that were not probe events (errors, usage)
 * @param exitReport the probe supervisor's report after its worker ended: the cgroup's final
 *                  counters; null when the container was stopped from outside before it could report
 */
public record Result(
        Scenario scenario,
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
        Outcome predicted,
        Sample exitReport) implements Displayable {

    public Result {
        steps = List.copyOf(steps);
        samples = List.copyOf(samples);
        output = List.copyOf(output);
    }

    public Result withPrediction(Outcome prediction) {
        return new Result(scenario, outcome, exitCode, oomKilled, steps, samples, peakBytes, failcnt, oomKillCount,
                duration, environment, runId, detail, output, prediction, exitReport);
    }

    /** The model's prediction, when one was made. */
    public Optional<Outcome> prediction() {
        return Optional.ofNullable(predicted);
    }

    /** True when a prediction was made and the kernel did something else. */
    public boolean disagreesWithModel() {
        return predicted != null && predicted != outcome;
    }

    /** True when peak, failcnt and oom_kill are the cgroup's final values, not the last sample's. */
    public boolean countersAreFinal() {
        return exitReport != null;
    }

    public double peakMib() {
        return peakBytes < 0 ? Double.NaN : peakBytes / 1048576.0;
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
        if (predicted != null) {
            s.append("model:   ").append(predicted)
                    .append(predicted == outcome ? " (agrees)" : " (DISAGREES with the kernel)").append('\n');
        }
        s.append("on:      ").append(environment.describe());
        if (!output.isEmpty()) {
            s.append("\noutput:  ").append(String.join("\n         ", output));
        }
        return s.toString();
    }

    @Override
    public MimeBundle mimeBundle() {
        return ResultCard.bundle(this);
    }
}
