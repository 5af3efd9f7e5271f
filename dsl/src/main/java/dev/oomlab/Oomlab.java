package dev.oomlab;

import dev.oomlab.runtime.Runtime;
import dev.oomlab.runtime.docker.DockerRuntime;
import dev.oomlab.spec.Scenario;

/**
 * The entry point: {@code import static dev.oomlab.Oomlab.*} and write
 * {@code scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300).expect(OOM)}.
 */
public final class Oomlab {

    private static volatile Runtime runtime;

    private Oomlab() {
    }

    /** A new, empty scenario. */
    public static Scenario scenario() {
        return Scenario.scenario();
    }

    /** The runtime scenarios use unless told otherwise: the local Docker engine, connected lazily. */
    public static Runtime runtime() {
        Runtime r = runtime;
        if (r == null) {
            synchronized (Oomlab.class) {
                r = runtime;
                if (r == null) {
                    r = DockerRuntime.connect();
                    runtime = r;
                }
            }
        }
        return r;
    }

    /** Closes the default runtime, if one was connected: waits for pending removals. */
    public static synchronized void shutdown() {
        Runtime r = runtime;
        runtime = null;
        if (r != null) {
            r.close();
        }
    }

    /** Replaces the default runtime (tests, another engine). */
    public static synchronized void useRuntime(Runtime newRuntime) {
        runtime = newRuntime;
    }
}
