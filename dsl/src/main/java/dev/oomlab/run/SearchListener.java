package dev.oomlab.run;

import dev.oomlab.result.Result;

/**
 * Hears a boundary search progress. Called from the threads that run the probes, so an
 * implementation must be thread-safe when searches run in parallel.
 */
public interface SearchListener {

    SearchListener NONE = new SearchListener() { };

    /** One probe run of a search finished: the allocation tried and what happened. */
    default void probed(Boundary.Kind kind, long mib, Result result, int run, int maxRuns) {
    }

    /** A search ended. */
    default void found(Boundary boundary) {
    }

}
