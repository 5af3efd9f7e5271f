package dev.oomlab.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What one container is asked to do: its limits, then allocation steps in order. Plain data,
 * shared by everything that reads a scenario (the model, the probe's command line, the runtime,
 * results and views); the fluent, runnable form users write is {@code dev.oomlab.dsl.Scenario}.
 *
 * @param name   shown in tables and progress, or null
 * @param limits the container's limits
 * @param steps  in order, for a scenario of one process
 * @param processes several processes, each with its own steps, run at the same time in the one
 *                  container; empty for a scenario of one process (then {@code steps} holds its steps)
 */
public record ScenarioSpec(String name, Limits limits, List<Step> steps, List<ProcessSpec> processes) {

    /** The probe's limit (its supervisor forks one worker per process; the container's pids limit is 64). */
    public static final int MAX_PROCESSES = 16;

    public ScenarioSpec {
        Objects.requireNonNull(limits, "limits");
        steps = List.copyOf(steps);
        processes = List.copyOf(processes == null ? List.of() : processes);
    }

    public ScenarioSpec(String name, Limits limits, List<Step> steps) {
        this(name, limits, steps, List.of());
    }

    public static ScenarioSpec empty() {
        return new ScenarioSpec(null, Limits.none(), List.of());
    }

    public ScenarioSpec withName(String newName) {
        return new ScenarioSpec(newName, limits, steps, processes);
    }

    public ScenarioSpec withLimits(Limits newLimits) {
        return new ScenarioSpec(name, newLimits, steps, processes);
    }

    /** Adds a process; a name already taken is refused. */
    public ScenarioSpec withProcess(ProcessSpec process) {
        Objects.requireNonNull(process, "process");
        if (processes.stream().anyMatch(p -> p.name().equals(process.name()))) {
            throw new IllegalArgumentException("process: the name \"" + process.name() + "\" is taken");
        }
        List<ProcessSpec> more = new ArrayList<>(processes);
        more.add(process);
        return new ScenarioSpec(name, limits, steps, more);
    }

    public boolean hasProcesses() {
        return !processes.isEmpty();
    }

    /** Every step of every process (or the steps of the one process), in the order they are written. */
    public List<Step> allSteps() {
        if (processes.isEmpty()) {
            return steps;
        }
        List<Step> all = new ArrayList<>();
        processes.forEach(p -> all.addAll(p.steps()));
        return all;
    }

    /** The lowest oom_score_adj a process asks for, or null when none asks below 0. */
    public Integer lowestOomScoreAdj() {
        return processes.stream().map(ProcessSpec::oomScoreAdj).filter(a -> a < 0).min(Integer::compare)
                .orElse(null);
    }

    /** Appends a step; a freeShm with no shm allocated before it is refused. */
    public ScenarioSpec then(Step step) {
        Objects.requireNonNull(step, "step");
        if (step instanceof Step.FreeShm && !hasShmToFree()) {
            throw new IllegalArgumentException("freeShm: nothing to free (no allocShm since the last freeShm)");
        }
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new ScenarioSpec(name, limits, more, processes);
    }

    private boolean hasShmToFree() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof Step.FreeShm) {
                return false;
            }
            if (steps.get(i).allocatesShm()) {
                return true;
            }
        }
        return false;
    }

    /** Checks what only makes sense as a whole; throws naming the field and value. */
    public ScenarioSpec validate() {
        limits.validate();
        if (!processes.isEmpty() && !steps.isEmpty()) {
            throw new IllegalArgumentException("steps: a scenario of several processes has steps of its own ("
                    + stepsOnly() + "); give them to a process");
        }
        if (steps.isEmpty() && processes.isEmpty()) {
            throw new IllegalArgumentException("steps: the scenario has no step (add allocShm, allocRam, ...)");
        }
        for (ProcessSpec p : processes) {
            if (p.steps().isEmpty()) {
                throw new IllegalArgumentException("process: \"" + p.name() + "\" has no step");
            }
        }
        if (processes.size() > MAX_PROCESSES) {
            throw new IllegalArgumentException("processes: " + processes.size() + " asked, at most " + MAX_PROCESSES);
        }
        if (processes.isEmpty()) {
            for (int i = 0; i < steps.size() - 1; i++) {
                if (steps.get(i) instanceof Step.Hold) {
                    throw new IllegalArgumentException("hold: step " + (i + 1) + " of " + steps.size()
                            + " (hold must be the last step)");
                }
            }
        }
        return this;
    }

    /** The name, or the whole description where there is none: a label for progress and tables. */
    public String label() {
        return name != null ? name : toString();
    }

    /** "memory 2g, shm 1g" and the other limits that are set. */
    public String limitsText() {
        return limits.text();
    }

    /** "shm 800, then ram 1300" (MiB), in order; with several processes, each one's: "big (...): ...; small (...): ...". */
    public String stepsText() {
        if (!processes.isEmpty()) {
            StringJoiner j = new StringJoiner("; ");
            processes.forEach(p -> j.add(p.label()));
            return j.toString();
        }
        return stepsOnly();
    }

    private String stepsOnly() {
        StringJoiner j = new StringJoiner(", then ");
        steps.forEach(s -> j.add(s.label()));
        return steps.isEmpty() ? "(no steps)" : j.toString();
    }

    @Override
    public String toString() {
        return (name != null ? name + ": " : "") + limitsText() + " | " + stepsText();
    }
}
