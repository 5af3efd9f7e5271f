package dev.oomlab.hypothesis;

import dev.oomlab.model.Prediction;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;

/**
 * One case run: what the kernel did, what the model predicted, and how both compare with the seed.
 *
 * @param testCase   the case ("case" is a Java keyword)
 * @param result     the observed run; its {@code predicted} is set to the model's outcome
 * @param prediction the limit model's prediction for the case's scenario
 */
public record CaseResult(Case testCase, Result result, Prediction prediction) {

    public Outcome observed() {
        return result.outcome();
    }

    public Outcome predicted() {
        return prediction.outcome();
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
            s.append("MISMATCH: observed ").append(observed()).append(", the seed observed ")
                    .append(testCase.seedObserved()).append(". ");
        }
        if (!modelAgrees()) {
            s.append("model predicted ").append(predicted()).append(" (").append(prediction.reason()).append(")");
            if (prediction.nearBoundary()) {
                s.append(", within ").append(prediction.marginMib()).append(" MiB of its boundary");
            }
            s.append(". ");
        }
        return s.toString().trim();
    }
}
