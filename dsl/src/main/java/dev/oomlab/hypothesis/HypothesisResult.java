package dev.oomlab.hypothesis;

import java.util.List;

/**
 * A hypothesis run: every case's observation beside the model's prediction, and the verdict.
 *
 * @param cases   in the hypothesis' case order
 * @param verdict by the spec's rule, from the outcomes observed here; CANNOT_RUN when the host could not
 * @param cannotRunReason why the host could not run it (null when it ran): no case ran then
 */
public record HypothesisResult(Hypothesis hypothesis, List<CaseResult> cases, Verdict verdict, String cannotRunReason) {

    public HypothesisResult {
        cases = List.copyOf(cases);
        if ((verdict == Verdict.CANNOT_RUN) != (cannotRunReason != null)) {
            throw new IllegalArgumentException("cannotRunReason: \"" + cannotRunReason + "\" goes with verdict "
                    + Verdict.CANNOT_RUN + " and only with it, got " + verdict);
        }
    }

    public HypothesisResult(Hypothesis hypothesis, List<CaseResult> cases, Verdict verdict) {
        this(hypothesis, cases, verdict, null);
    }

    /** A hypothesis this host cannot run: no case ran, the reason says what is missing. */
    public static HypothesisResult cannotRun(Hypothesis hypothesis, String reason) {
        return new HypothesisResult(hypothesis, List.of(), Verdict.CANNOT_RUN, reason);
    }

    public boolean ran() {
        return verdict != Verdict.CANNOT_RUN;
    }

    /** Cases whose observed outcome differs from the seed's: "not as seed". */
    public List<CaseResult> notAsSeed() {
        return cases.stream().filter(c -> !c.matchesSeed()).toList();
    }

    /** Cases where the kernel and the limit model disagree. */
    public List<CaseResult> modelDisagreements() {
        return cases.stream().filter(c -> !c.modelAgrees()).toList();
    }

    /** The verdict the seed reached. */
    public Verdict seedVerdict() {
        return hypothesis.seedVerdict();
    }

    /** True when every case matched the seed and the verdict is the seed's (where the seed gave one). */
    public boolean reproducesSeed() {
        return notAsSeed().isEmpty() && (hypothesis.seedVerdict() == null || verdict == hypothesis.seedVerdict());
    }

    /** "H4 REJECTED (seed: REJECTED), 2/2 cases as the seed, model agrees on 2/2". */
    public String headline() {
        if (!ran()) {
            return hypothesis.id() + " cannot run on this host: " + cannotRunReason;
        }
        long asSeed = cases.size() - notAsSeed().size();
        long agree = cases.size() - modelDisagreements().size();
        return hypothesis.id() + " " + verdict + " (seed: " + hypothesis.seedVerdict() + "), " + asSeed + "/"
                + cases.size() + " cases as the seed, model agrees on " + agree + "/" + cases.size();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(headline()).append('\n');
        if (!ran()) {
            return s.append("  claim: ").append(hypothesis.claim()).toString();
        }
        s.append("  claim: ").append(hypothesis.claim()).append('\n');
        s.append("  limits: ").append(hypothesis.base().limitsText()).append('\n');
        for (CaseResult c : cases) {
            s.append(String.format("  %-28s if true %-6s if false %-6s seed %-6s observed %-6s model %-6s %s%n",
                    c.testCase().name(), c.testCase().ifTrueText(), c.testCase().ifFalseText(),
                    c.testCase().seedObserved(), c.observedText(), c.predicted(), c.note()));
        }
        return s.toString().stripTrailing();
    }
}
