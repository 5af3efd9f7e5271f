package dev.oomlab.suite;

import dev.oomlab.run.Runner;
import java.util.Objects;
import java.util.function.Function;

/**
 * One independent piece of a suite: a label, the host memory it may use at once (its container's
 * limit), a rough cost (only to start long tasks first, so the batch does not end on a long
 * straggler) and the work, given the suite's runner.
 */
public record Task<T>(String label, long reserveBytes, long cost, Function<Runner, T> work) {

    public Task {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(work, "work");
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("reserveBytes: must not be negative, got " + reserveBytes);
        }
    }

    /** A task whose cost is taken to be its reservation. */
    public Task(String label, long reserveBytes, Function<Runner, T> work) {
        this(label, reserveBytes, reserveBytes, work);
    }
}
