package dev.oomlab.search;

import dev.oomlab.result.Result;

/**
 * Hears a boundary search or a sweep progress. Called from the threads that run the probes, so an
 * implementation must be thread-safe when points of a sweep run in parallel.
 */
public interface SearchListener {

    SearchListener NONE = new SearchListener() { };

    /** One probe run of a search finished: the allocation tried and what happened. */
    default void probed(Boundary.Kind kind, long mib, Result result, int run, int maxRuns) {
    }

    /** A search ended. */
    default void found(Boundary boundary) {
    }

    /** A sweep point is done; {@code done} of {@code total} points are done. */
    default void point(SweepPoint point, int done, int total) {
    }
}
