package dev.oomlab.hypothesis;

import dev.oomlab.result.Outcome;
import java.util.List;

/**
 * What the observed outcomes say about a hypothesis, by the spec's rule; or that the host could
 * not run it at all ({@link #CANNOT_RUN}, never a judgement of the claim).
 */
public enum Verdict {
    SUPPORTED, REJECTED, INCONCLUSIVE,
    /** The host lacks what the hypothesis needs (cgroup v2, swap, global pressure): nothing ran. */
    CANNOT_RUN;

    /** "cannot run on this host" for CANNOT_RUN, else the name. */
    public String label() {
        return this == CANNOT_RUN ? "cannot run on this host" : name();
    }

    /**
     * Supported when every observed outcome equals its "if true" column; rejected when an observed
     * outcome equals "if false" and differs from "if true"; inconclusive otherwise.
     */
    public static Verdict judge(List<Case> cases, List<Outcome> observed) {
        List<Boolean> asIfTrue = new java.util.ArrayList<>();
        List<Boolean> asIfFalse = new java.util.ArrayList<>();
        if (cases.size() == observed.size()) {
            for (int i = 0; i < cases.size(); i++) {
                asIfTrue.add(observed.get(i) == cases.get(i).ifTrue());
                asIfFalse.add(observed.get(i) == cases.get(i).ifFalse());
            }
        }
        return judgeRows(cases, observed.size(), asIfTrue, asIfFalse);
    }

    /** The same rule on whole runs: a case naming the process to be killed also compares which one died. */
    public static Verdict judgeResults(List<CaseResult> results) {
        List<Case> cases = results.stream().map(CaseResult::testCase).toList();
        List<Boolean> asIfTrue = results.stream().map(c -> c.testCase().asIfTrue(c.result())).toList();
        List<Boolean> asIfFalse = results.stream().map(c -> c.testCase().asIfFalse(c.result())).toList();
        return judgeRows(cases, results.size(), asIfTrue, asIfFalse);
    }

    private static Verdict judgeRows(List<Case> cases, int observedCount, List<Boolean> asIfTrue,
                                     List<Boolean> asIfFalse) {
        if (cases.isEmpty() || cases.size() != observedCount) {
            throw new IllegalArgumentException("observed: " + observedCount + " outcomes for " + cases.size()
                    + " cases (expected one per case, at least one)");
        }
        boolean allAsIfTrue = true;
        boolean anyRejects = false;
        for (int i = 0; i < cases.size(); i++) {
            allAsIfTrue &= asIfTrue.get(i);
            anyRejects |= asIfFalse.get(i) && !asIfTrue.get(i);
        }
        if (allAsIfTrue) {
            return SUPPORTED;
        }
        return anyRejects ? REJECTED : INCONCLUSIVE;
    }
}
