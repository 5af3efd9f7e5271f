package dev.oomlab.hypothesis;

import dev.oomlab.result.Prediction;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import java.util.List;

/**
 * One case run: what the kernel did, what the model predicted, and how both compare with the seed.
 *
 * @param testCase the case ("case" is a Java keyword)
 * @param result   the observed run, with the limit model's prediction the runner attached
 */
public record CaseResult(Case testCase, Result result) {

    public CaseResult {
        if (result.prediction() == null) {
            throw new IllegalArgumentException("result: case \"" + testCase.name()
                    + "\" has no prediction (results come from a runner, which attaches one)");
        }
    }

    public Prediction prediction() {
        return result.prediction();
    }

    public Outcome observed() {
        return result.outcome();
    }

    /** "OOM", or "OOM, killed big" in a case of several processes. */
    public String observedText() {
        if (testCase.evidence() != null) {
            return observed() + " (" + testCase.evidence().why(result) + ")";
        }
        if (testCase.processes().isEmpty()) {
            return String.valueOf(observed());
        }
        List<String> killed = result.killedProcesses();
        return observed() + (killed.isEmpty() ? ", none killed" : ", killed " + String.join(" and ", killed));
    }

    public Outcome predicted() {
        return result.prediction().outcome();
    }

    /** True when this host observed what the seed observed (or the case has no seed observation). */
    public boolean matchesSeed() {
        return testCase.seedObserved() == null || observed() == testCase.seedObserved();
    }

    public boolean modelAgrees() {
        return observed() == predicted();
    }

    /** Empty when all agree; else says who disagrees with whom, and whether it is near a boundary. */
    public String note() {
        StringBuilder s = new StringBuilder();
        if (!matchesSeed()) {
            s.append("NOT AS SEED: observed ").append(observed()).append(", the seed observed ")
                    .append(testCase.seedObserved()).append(". ");
        }
        if (!modelAgrees()) {
            s.append("model predicted ").append(predicted()).append(" (").append(prediction().reason()).append(")");
            if (prediction().nearBoundary()) {
                s.append(", within ").append(prediction().marginMib()).append(" MiB of its boundary");
            }
            s.append(". ");
        }
        return s.toString().trim();
    }
}
