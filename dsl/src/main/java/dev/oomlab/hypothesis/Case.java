package dev.oomlab.hypothesis;

import dev.oomlab.result.Outcome;
import dev.oomlab.dsl.Scenario;
import dev.oomlab.result.Result;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ProcessSpec;
import dev.oomlab.spec.ScenarioSet;
import dev.oomlab.spec.Step;
import java.util.List;

/**
 * One row of a hypothesis' table: steps run on the hypothesis' base limits, the outcome the
 * hypothesis predicts if it is true and if it is false, and what the seed study observed.
 *
 * @param name         the row as the seed writes it, e.g. "shm 800 + ram 1300"
 * @param steps        allocation steps, in order
 * @param seedObserved the seed's observed outcome, so a host that behaves differently shows a
 *                     mismatch; null for a case of your own with no reference observation
 * @param limits       limits of the case's own (e.g. another /dev/shm mount), or null for the hypothesis' base
 * @param processes    several processes run at once instead of {@code steps} (then empty); empty for one process
 * @param killsIfTrue  with several processes: the one the killer kills if the claim holds, or null
 * @param killsIfFalse the one it kills if the claim does not hold, or null
 * @param evidence     what the run's counters must show besides the outcome, or null
 * @param containers   several containers run instead of {@code steps} (then empty), or null for one
 * @param observed     with several containers: the one whose result the case reads
 * @param hostSized    containers sized to the host they run on (global pressure), or null; then
 *                     {@code containers} holds them as sized for {@link #NOMINAL_HOST_MIB}
 */
public record Case(String name, List<Step> steps, Outcome ifTrue, Outcome ifFalse, Outcome seedObserved,
                   Limits limits, List<ProcessSpec> processes, String killsIfTrue, String killsIfFalse,
                   Evidence evidence, ScenarioSet containers, String observed, HostSized hostSized) {

    /** The host a host-sized case shows before it runs: a 2 GiB VM. */
    public static final long NOMINAL_HOST_MIB = 2048;

    /** Containers sized to the host's memory: a claim about global pressure needs the whole host short. */
    @FunctionalInterface
    public interface HostSized {
        dev.oomlab.dsl.Scenarios containers(long hostMib);
    }

    public Case {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a case needs a name, got \"" + name + "\"");
        }
        processes = processes == null ? List.of() : List.copyOf(processes);
        if (containers != null) {
            containers.container(observed); // the observed container must be one of the set
        }
        if ((steps == null || steps.isEmpty()) && processes.isEmpty() && containers == null) {
            throw new IllegalArgumentException("steps: case \"" + name + "\" has no step");
        }
        steps = steps == null ? List.of() : steps;
        for (String victim : new String[] {killsIfTrue, killsIfFalse}) {
            if (victim != null && processes.stream().noneMatch(p -> p.name().equals(victim))) {
                throw new IllegalArgumentException("kills: case \"" + name + "\" has no process \"" + victim + "\"");
            }
        }
        if (ifTrue == null || ifFalse == null) {
            throw new IllegalArgumentException("outcomes: case \"" + name + "\" needs ifTrue and ifFalse, got "
                    + ifTrue + ", " + ifFalse);
        }
        steps = List.copyOf(steps);
    }

    public Case(String name, List<Step> steps, Outcome ifTrue, Outcome ifFalse, Outcome seedObserved,
                Limits limits, List<ProcessSpec> processes, String killsIfTrue, String killsIfFalse,
                Evidence evidence) {
        this(name, steps, ifTrue, ifFalse, seedObserved, limits, processes, killsIfTrue, killsIfFalse, evidence,
                null, null, null);
    }

    /** A case of several containers: the observed one's result decides it. */
    public Case(String name, ScenarioSet containers, String observed, Expectation expect) {
        this(name, List.of(), expect.ifTrue(), expect.ifFalse(), expect.seedObserved(), null, List.of(),
                expect.killsIfTrue(), expect.killsIfFalse(), expect.evidence(),
                java.util.Objects.requireNonNull(containers, "containers"), observed, null);
    }

    /** A case of several containers sized to the host they run on; named {@code set} (the hypothesis' id). */
    public Case(String name, String set, HostSized sized, String observed, Expectation expect) {
        this(name, List.of(), expect.ifTrue(), expect.ifFalse(), expect.seedObserved(), null, List.of(),
                expect.killsIfTrue(), expect.killsIfFalse(), expect.evidence(),
                sized.containers(NOMINAL_HOST_MIB).spec().withName(set), observed, sized);
    }

    /** This case as it runs on a host of that many MiB: its containers sized for it (itself when not host-sized). */
    public Case forHost(long hostMib) {
        if (hostSized == null || hostMib <= 0) {
            return this;
        }
        return new Case(name, steps, ifTrue, ifFalse, seedObserved, limits, processes, killsIfTrue, killsIfFalse,
                evidence, hostSized.containers(hostMib).spec().withName(containers.name()), observed, hostSized);
    }

    /** True for a case of several containers. */
    public boolean hasContainers() {
        return containers != null;
    }

    public Case(String name, List<Step> steps, Outcome ifTrue, Outcome ifFalse, Outcome seedObserved) {
        this(name, steps, ifTrue, ifFalse, seedObserved, null);
    }

    public Case(String name, List<Step> steps, Outcome ifTrue, Outcome ifFalse, Outcome seedObserved, Limits limits) {
        this(name, steps, ifTrue, ifFalse, seedObserved, limits, List.of(), null, null, null);
    }

    public Case(String name, List<Step> steps, Expectation expect) {
        this(name, steps, expect, null);
    }

    public Case(String name, List<Step> steps, Expectation expect, Limits limits) {
        this(name, steps, expect, limits, List.of());
    }

    public Case(String name, List<Step> steps, Expectation expect, Limits limits, List<ProcessSpec> processes) {
        this(name, steps, expect.ifTrue(), expect.ifFalse(), expect.seedObserved(), limits, processes,
                expect.killsIfTrue(), expect.killsIfFalse(), expect.evidence());
    }

    /**
     * The case as a runnable scenario: its limits (the base's unless it has its own), then its
     * steps; for a case of several containers, the observed container as written.
     */
    public Scenario on(Scenario base) {
        if (containers != null) {
            return Scenario.of(containers.container(observed)); // listed only: a set runs through Runner.run(set)
        }
        Scenario s = limits == null ? base : base.limits(limits);
        for (Step step : steps) {
            s = s.then(step);
        }
        for (ProcessSpec p : processes) {
            s = s.process(p.name(), ignored -> p);
        }
        return s;
    }

    /** True when a run shows what the claim predicts: the outcome, and the one process killed where named. */
    public boolean asIfTrue(Result r) {
        return r.outcome() == ifTrue && (killsIfTrue == null || r.killedProcesses().equals(List.of(killsIfTrue)))
                && (evidence == null || evidence.holds(r).orElse(false));
    }

    /** True when a run shows what the claim predicts if it does not hold. */
    public boolean asIfFalse(Result r) {
        if (evidence != null && r.outcome() == ifTrue && ifTrue == ifFalse) {
            return !evidence.holds(r).orElse(true); // the outcome cannot tell: the counters do
        }
        return r.outcome() == ifFalse && (killsIfFalse == null || r.killedProcesses().equals(List.of(killsIfFalse)));
    }

    /** "OOM", or "OOM, kills big" for a case that names the victim. */
    public String ifTrueText() {
        return (killsIfTrue == null ? String.valueOf(ifTrue) : ifTrue + ", kills " + killsIfTrue)
                + (evidence == null ? "" : ", " + evidence.describe());
    }

    public String ifFalseText() {
        return (killsIfFalse == null ? String.valueOf(ifFalse) : ifFalse + ", kills " + killsIfFalse)
                + (evidence == null ? "" : ", not " + evidence.describe());
    }
}
