package dev.oomlab.runtime;

import dev.oomlab.result.Sample;
import dev.oomlab.spec.Scenario;

/** Hears the probe's samples while a scenario runs: progress bars, live charts. */
@FunctionalInterface
public interface RunListener {

    RunListener NONE = (scenario, sample) -> { };

    void sample(Scenario scenario, Sample sample);
}
