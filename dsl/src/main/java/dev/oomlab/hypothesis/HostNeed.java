package dev.oomlab.hypothesis;

import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.Runner;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import dev.oomlab.spec.Size;
import java.util.Optional;

/**
 * What a hypothesis needs its host to offer, checked against the engine's {@link Environment}
 * before any container starts. A host that lacks it makes the hypothesis "cannot run on this
 * host", with the reason: never a verdict drawn from a run that could not show the claim.
 */
public enum HostNeed {
    /** {@code --oom-kill-disable}, memory.oom_control: only the v1 memory controller has them. */
    CGROUP_V1("cgroup v1") {
        @Override
        Optional<String> unmetOn(Environment env) {
            return env.cgroupVersion() == 1 ? Optional.empty()
                    : Optional.of("it needs cgroup v1 (memory.oom_control, --oom-kill-disable); the engine reports "
                            + cgroup(env));
        }
    },
    /** memory.high, memory.min/low, memory.oom.group, memory.events and PSI exist only on v2. */
    CGROUP_V2("cgroup v2") {
        @Override
        Optional<String> unmetOn(Environment env) {
            return env.cgroupVersion() == 2 ? Optional.empty()
                    : Optional.of("it needs cgroup v2 (memory.high, memory.min/low, memory.oom.group, memory.events, "
                            + "PSI); the engine reports " + cgroup(env));
        }
    },
    /** Swap on the host: without it memory-swap above memory changes nothing. */
    SWAP("swap on the host") {
        @Override
        Optional<String> unmetOn(Environment env) {
            if (env.hostSwapBytes() > 0) {
                return Optional.empty();
            }
            return Optional.of(env.hostSwapBytes() < 0
                    ? "it needs swap on the host, and this host's swap could not be read"
                    : "it needs swap on the host; this host has none (SwapTotal 0)");
        }
    },
    /**
     * Global memory pressure: the whole host short of memory. Only a host the lab booted for itself
     * (a VM) may be pushed there: on a shared host it would harm everything else. The cases scale
     * to the host's memory (see {@link Hypothesis#whenHost}).
     */
    GLOBAL_PRESSURE("global memory pressure (a host of the lab's own)") {
        @Override
        Optional<String> unmetOn(Environment env) {
            return Optional.of("it needs global memory pressure, which only a host the lab booted for itself (a VM: "
                    + "Hosts.vm()) may be pushed into, and an engine's environment does not tell whose host it is");
        }

        @Override
        Optional<String> unmetOn(Runner runner) {
            if (runner.runtime().labOwnedHost()) {
                return Optional.empty();
            }
            long mem = runner.runtime().environment().hostMemoryBytes();
            return Optional.of("it needs global memory pressure, the whole host out of memory, which the lab does only "
                    + "to a host it booted for itself (a VM: Hosts.vm()); this engine's host"
                    + (mem > 0 ? " (" + mem / Size.MIB + " MiB)" : "") + " is not the lab's own");
        }
    },
    /**
     * A process's oom_score_adj below 0 (-1000 never killed, Kubernetes' Guaranteed -998): lowering
     * it needs CAP_SYS_RESOURCE, which the engine must have to start such a container. The
     * environment cannot tell; a tiny container with --oom-score-adj -1 does, once per host.
     */
    LOWER_OOM_SCORE_ADJ("a negative oom_score_adj (the engine holding CAP_SYS_RESOURCE)") {
        @Override
        Optional<String> unmetOn(Environment env) {
            return Optional.of("it needs a negative oom_score_adj, and an engine's environment does not tell whether "
                    + "it can start such a container (the host itself is asked when a runner is given)");
        }

        @Override
        Optional<String> unmetOn(Runner runner) {
            ContainerRuntime rt = runner.runtime();
            synchronized (NEGATIVE_ADJ_CHECKED) {
                Optional<String> known = NEGATIVE_ADJ_CHECKED.get(rt);
                if (known != null) {
                    return known;
                }
            }
            Result r = runner.run(new ScenarioSpec("can the engine lower oom_score_adj?",
                    Limits.none().withMemory(Size.mib("memory", 16)).withOomScoreAdj(-1),
                    List.of(new Step.Sleep(Duration.ofMillis(1)))), RunListener.NONE);
            Optional<String> answer = r.outcome() == Outcome.OK ? Optional.empty()
                    : Optional.of("it needs a negative oom_score_adj, and this engine cannot start a container with "
                            + "--oom-score-adj -1 (lowering it needs CAP_SYS_RESOURCE; the engine answered: "
                            + r.detail().strip() + ")");
            synchronized (NEGATIVE_ADJ_CHECKED) {
                NEGATIVE_ADJ_CHECKED.put(rt, answer);
            }
            return answer;
        }
    };

    /** Per runtime: whether a container with a negative --oom-score-adj started (empty) or why not. */
    private static final Map<ContainerRuntime, Optional<String>> NEGATIVE_ADJ_CHECKED = new WeakHashMap<>();

    private final String label;

    HostNeed(String label) {
        this.label = label;
    }

    /** "cgroup v2". */
    public String label() {
        return label;
    }

    /** Why a host with this environment cannot offer it, or empty when it can. */
    abstract Optional<String> unmetOn(Environment env);

    /** Null when the host offers it; else the reason, e.g. "it needs cgroup v2 (...); the engine reports cgroup v1". */
    public String reasonUnmet(Environment env) {
        return unmetOn(env).orElse(null);
    }

    /** The same, asking the host itself where its environment cannot tell (it may run a tiny container). */
    public String reasonUnmet(Runner runner) {
        return unmetOn(runner).orElse(null);
    }

    Optional<String> unmetOn(Runner runner) {
        return unmetOn(runner.runtime().environment());
    }

    private static String cgroup(Environment env) {
        return env.cgroupVersion() <= 0 ? "no known cgroup version" : "cgroup v" + env.cgroupVersion();
    }
}
