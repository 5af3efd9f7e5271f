package dev.oomlab.suite;

/**
 * Hears a suite's progress. Called from the worker threads, one call at a time per task but
 * concurrently across tasks: implementations must be thread-safe.
 */
public interface SuiteListener {

    SuiteListener NONE = new SuiteListener() { };

    /**
     * The listener a suite gets when none is given: silent, unless a front end installed one
     * (the Jupyter kernel shows a progress display that updates in place).
     */
    static SuiteListener defaultListener() {
        return DefaultListener.get();
    }

    /** Installs what {@link #defaultListener()} makes, one listener per suite. */
    static void useDefault(java.util.function.Supplier<SuiteListener> factory) {
        DefaultListener.set(factory);
    }

    default void started(Progress progress) {
    }

    /** A task ended; {@code value} is its result (a {@code Result} for a scenario run). */
    default void finished(Progress progress, Object value) {
    }
}
