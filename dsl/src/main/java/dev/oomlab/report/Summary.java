package dev.oomlab.report;

import dev.oomlab.hypothesis.HypothesisResult;
import java.util.List;
import java.util.Objects;

/**
 * The totals of one run of the hypotheses, computed once for results.json, index.html and the
 * command line, so the three cannot disagree.
 *
 * @param hypotheses         how many hypotheses ran
 * @param reproduceSeed      how many reached the seed's verdict with every case as the seed saw it
 * @param cases              cases run, over all hypotheses
 * @param notAsSeed          cases observed otherwise than the seed observed them
 * @param modelDisagreements cases where the kernel did not do what the limit model predicted
 */
public record Summary(int hypotheses, int reproduceSeed, int cases, int notAsSeed, int modelDisagreements) {

    public static Summary of(List<HypothesisResult> results) {
        Objects.requireNonNull(results, "hypothesis results");
        int reproduce = 0;
        int cases = 0;
        int notAsSeed = 0;
        int disagreements = 0;
        for (HypothesisResult h : results) {
            reproduce += h.reproducesSeed() ? 1 : 0;
            cases += h.cases().size();
            notAsSeed += h.notAsSeed().size();
            disagreements += h.modelDisagreements().size();
        }
        return new Summary(results.size(), reproduce, cases, notAsSeed, disagreements);
    }

    /** True when every hypothesis reproduced the seed. */
    public boolean reproducesSeed() {
        return reproduceSeed == hypotheses;
    }

    /** True when some case deserves a look: observed otherwise than the seed, or against the model. */
    public boolean hasMarkedCases() {
        return notAsSeed > 0 || modelDisagreements > 0;
    }
}
