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
        if (cases.isEmpty() || cases.size() != observed.size()) {
            throw new IllegalArgumentException("observed: " + observed.size() + " outcomes for " + cases.size()
                    + " cases (expected one per case, at least one)");
        }
        boolean allAsIfTrue = true;
        boolean anyRejects = false;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Outcome o = observed.get(i);
            allAsIfTrue &= o == c.ifTrue();
            anyRejects |= o == c.ifFalse() && o != c.ifTrue();
        }
        if (allAsIfTrue) {
            return SUPPORTED;
        }
        return anyRejects ? REJECTED : INCONCLUSIVE;
    }
}
