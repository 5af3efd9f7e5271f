package dev.oomlab.suite;

/**
 * Hears a suite's progress. Called from the worker threads, one call at a time per task but
 * concurrently across tasks: implementations must be thread-safe.
 */
public interface SuiteListener {

    SuiteListener NONE = new SuiteListener() { };

    default void started(Progress progress) {
    }

    /** A task ended; {@code value} is its result (a {@code Result} for a scenario run). */
    default void finished(Progress progress, Object value) {
    }
}
