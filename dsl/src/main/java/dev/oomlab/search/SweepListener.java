package dev.oomlab.search;

import dev.oomlab.run.SearchListener;

/** Hears a sweep: each point's searches (as a {@link SearchListener}) and each point as it is done. */
public interface SweepListener extends SearchListener {

    SweepListener NONE = new SweepListener() { };

    /** A sweep point is done; {@code done} of {@code total} points are done. */
    default void point(SweepPoint point, int done, int total) {
    }
}
