package dev.oomlab.search;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.run.Boundary;
import dev.oomlab.run.Runner;
import dev.oomlab.runtime.ContainerRuntime;

/** A max-RAM search on a given runtime, for sweep tests. */
final class BoundarySearchAccess {

    private BoundarySearchAccess() {
    }

    static Boundary search(ContainerRuntime rt, Scenario base) {
        return Runner.on(rt).search().maxRam(base.spec());
    }
}
