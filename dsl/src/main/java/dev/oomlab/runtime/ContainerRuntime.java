package dev.oomlab.runtime;

import dev.oomlab.result.Environment;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;

/**
 * Runs a scenario in a real container and reports what happened, without judging it against a
 * model (the {@code run.Runner} does that, once). Docker today; Podman, a raw cgroup or
 * Kubernetes fit behind the same interface.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Runs one validated scenario; thread-safe, so a suite may call it from many threads. */
    Result run(ScenarioSpec scenario, RunListener listener);

    /** Where results of this runtime are observed. */
    Environment environment();

    /** Bytes of memory this runtime's host can give to scenarios now. */
    long availableMemoryBytes();

    /**
     * Whether the host is the lab's own (a VM it booted): pushing it out of memory as a whole, for
     * the claims about global pressure, then harms nothing else.
     */
    default boolean labOwnedHost() {
        return false;
    }

    /** Whether the engine runs on this machine, so its host's files (/dev/shm, /proc) are this process's to read. */
    default boolean onThisMachine() {
        return false;
    }

    @Override
    default void close() {
    }
}
