package dev.oomlab;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.run.Runner;
import dev.oomlab.runtime.ContainerRuntime;

/**
 * The entry point: {@code import static dev.oomlab.Oomlab.*} and write
 * {@code scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300).expect(OOM)}.
 */
public final class Oomlab {

    private Oomlab() {
    }

    /** A new, empty scenario. */
    public static Scenario scenario() {
        return Scenario.scenario();
    }

    /** The runtime scenarios use unless told otherwise: the local Docker engine, connected lazily. */
    public static ContainerRuntime runtime() {
        return Runner.defaultRuntime();
    }

    /** Closes the default runtime, if one was connected: waits for pending removals. */
    public static void shutdown() {
        Runner.shutdownDefault();
    }

    /** Replaces the default runtime (tests, another engine). */
    public static void useRuntime(ContainerRuntime newRuntime) {
        Runner.useDefault(newRuntime);
    }
}
