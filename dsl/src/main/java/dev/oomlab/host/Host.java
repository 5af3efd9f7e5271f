package dev.oomlab.host;

import dev.oomlab.result.Environment;
import dev.oomlab.result.HostFingerprint;
import dev.oomlab.runtime.docker.DockerRuntime;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ScenarioSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * A place where scenarios run: a container engine and the kernel under it, with a name results
 * carry ("local", "vm", an engine's address). The lab can ask several at once and show them side
 * by side. Connected when first used; closing it releases what the lab started for it.
 */
public interface Host extends AutoCloseable {

    String name();

    /** The engine, connected on first use; a host that cannot be reached says so in one sentence. */
    ContainerRuntime runtime();

    /** Kernel, cgroup version, Docker and its storage driver, memory, swap, THP and PSI, as this host reports them. */
    default HostFingerprint fingerprint() {
        ContainerRuntime rt = runtime();
        if (rt instanceof DockerRuntime docker) {
            return docker.fingerprint();
        }
        Environment env = rt.environment();
        return new HostFingerprint(env, "unknown", env.hostSwapBytes(), "unknown", "unknown");
    }

    /**
     * Bytes of memory this host's scenarios may hold at once, or -1 to leave it to the suite
     * (this machine's available memory less its reserve).
     */
    default long memoryBudgetBytes() {
        return -1;
    }

    /**
     * How long a scenario that sets no timeout of its own may run here: {@link Limits#DEFAULT_TIMEOUT},
     * longer on a host that emulates its CPU (a VM without KVM), where the same work takes several
     * times as long and would otherwise end as TIMEOUT rather than as what the kernel does.
     */
    default Duration defaultTimeout() {
        return Limits.DEFAULT_TIMEOUT;
    }

    /** The scenario as it runs here: with this host's default timeout when it sets none of its own. */
    default ScenarioSpec adapt(ScenarioSpec scenario) {
        Duration own = scenario.limits().timeout();
        Duration here = defaultTimeout();
        return own.equals(Limits.DEFAULT_TIMEOUT) && here.compareTo(own) > 0
                ? scenario.withLimits(scenario.limits().withTimeout(here)) : scenario;
    }

    @Override
    void close();

    /** A host around a runtime that is already connected (another engine, a test's runtime). */
    static Host of(String name, ContainerRuntime runtime) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        return new Host() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ContainerRuntime runtime() {
                return runtime;
            }

            @Override
            public void close() {
                runtime.close();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
