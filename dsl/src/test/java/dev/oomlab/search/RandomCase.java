package dev.oomlab.search;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Prediction;
import dev.oomlab.result.Result;

/**
 * One random scenario as two hosts ended it, beside the limit model's prediction. The model's
 * "too close to tell" and its near-boundary margin ({@link Prediction#nearBoundary()}) are where
 * the kernel's own overhead may decide, so there only the figures are shown.
 */
public record RandomCase(long seed, int index, Result first, Result second) {

    public Prediction prediction() {
        return first.prediction();
    }

    /** The model will not vouch for this case: too close to tell, or within its near-boundary margin. */
    public boolean tooCloseToTell() {
        Prediction p = prediction();
        return p.outcome() == Outcome.TOO_CLOSE_TO_TELL || p.nearBoundary();
    }

    public boolean hostsAgree() {
        return first.outcome() == second.outcome();
    }

    public boolean modelAgrees() {
        return first.outcome() == prediction().outcome() && second.outcome() == prediction().outcome();
    }

    /** A disagreement the test must not let pass: hosts or model, outside the model's close band. */
    public boolean disagrees() {
        return !tooCloseToTell() && !(hostsAgree() && modelAgrees());
    }

    /** One table row: seed/index, limits, steps, model (margin), each host, and the verdict. */
    public String row() {
        Prediction p = prediction();
        String verdict = hostsAgree() && modelAgrees() ? "agree"
                : tooCloseToTell() ? "close (not asserted)" : "DISAGREE";
        return String.format("%d/%-3d | %-40s | %-34s | %s (margin %d MiB) | %s: %s | %s: %s | %s",
                seed, index, first.scenario().limitsText(), first.scenario().stepsText(), p.outcome(), p.marginMib(),
                first.environment().host(), first.headline(), second.environment().host(), second.headline(), verdict);
    }

    /** What a reader needs to run the case again. */
    public String reproduce() {
        return "RandomScenarios.seeded(" + seed + ").take(" + (index + 1) + ").get(" + index + "): "
                + first.scenario().limitsText() + "; " + first.scenario().stepsText() + "; model " + prediction();
    }
}
