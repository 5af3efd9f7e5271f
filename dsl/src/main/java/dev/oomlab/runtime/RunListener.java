package dev.oomlab.runtime;

import dev.oomlab.probe.Sample;
import dev.oomlab.spec.ScenarioSpec;

/** Hears the probe's samples while a scenario runs: progress bars, live charts. */
@FunctionalInterface
public interface RunListener {

    RunListener NONE = (scenario, sample) -> { };

    void sample(ScenarioSpec scenario, Sample sample);
}
