package dev.oomlab.search;

import dev.oomlab.run.Boundary;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;

/**
 * One point of a sweep: the parameter's value and what was measured there, either a boundary
 * (a capacity sweep) or one run's result (an outcome sweep); the other is null.
 */
public record SweepPoint(long x, ScenarioSpec scenario, Boundary boundary, Result result) {

    public SweepPoint {
        if ((boundary == null) == (result == null)) {
            throw new IllegalArgumentException("point x=" + x + ": needs exactly one of boundary or result");
        }
    }

    /** The boundary in MiB for a capacity sweep, NaN for an outcome sweep. */
    public double y() {
        return boundary != null ? boundary.mib() : Double.NaN;
    }

    /** The outcome of an outcome sweep, null for a capacity sweep. */
    public Outcome outcome() {
        return result != null ? result.outcome() : null;
    }

    /** The model's answer at this point: its boundary, or NaN for an outcome sweep. */
    public double predictedY() {
        return boundary != null ? boundary.predictedMib() : Double.NaN;
    }
}
