package dev.oomlab.hypothesis;

import dev.oomlab.result.Result;
import java.util.Optional;

/**
 * What a case must show besides its outcome, read from a run's counters (a claim about reclaim is
 * not an outcome: the run ends OK either way). A case with evidence counts as "if true" only when
 * the outcome matches and the evidence holds, as "if false" when the evidence goes against it.
 * Each kind is a small record whose {@code describe} component is the sentence a case shows
 * (see the factories on {@link Expectation}).
 */
public interface Evidence {

    /** "kswapd scanned nothing while the cgroup reclaimed". */
    String describe();

    /** True: as the claim says; false: against it; empty: this run cannot tell (and why, in {@link #why}). */
    Optional<Boolean> holds(Result r);

    /** The figures behind {@link #holds}, in a sentence. */
    String why(Result r);
}
