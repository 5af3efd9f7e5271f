package dev.oomlab.runtime;

import dev.oomlab.probe.Sample;
import dev.oomlab.spec.ScenarioSpec;

/** Hears the probe's samples while a scenario runs: progress bars, live charts. */
@FunctionalInterface
public interface RunListener {

    RunListener NONE = (scenario, sample) -> { };

    void sample(ScenarioSpec scenario, Sample sample);

    /** The container is running (its id given): a container that joins its IPC may start now. */
    default void started(ScenarioSpec scenario, String containerId) {
    }
}
