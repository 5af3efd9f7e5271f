package dev.oomlab.runtime;

import dev.oomlab.result.Environment;
import dev.oomlab.result.Result;
import dev.oomlab.spec.Scenario;

/**
 * Runs a scenario somewhere real and reports what happened. Docker today; Podman, a raw cgroup
 * or Kubernetes fit behind the same interface.
 */
public interface Runtime extends AutoCloseable {

    /** Runs one validated scenario; thread-safe, so a suite may call it from many threads. */
    Result run(Scenario scenario, RunListener listener);

    /** Where results of this runtime are observed. */
    Environment environment();

    /** Bytes of memory this runtime's host can give to scenarios now. */
    long availableMemoryBytes();

    @Override
    default void close() {
    }
}
