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
 * @param steps  in order
 */
public record ScenarioSpec(String name, Limits limits, List<Step> steps) {

    public ScenarioSpec {
        Objects.requireNonNull(limits, "limits");
        steps = List.copyOf(steps);
    }

    public static ScenarioSpec empty() {
        return new ScenarioSpec(null, Limits.none(), List.of());
    }

    public ScenarioSpec withName(String newName) {
        return new ScenarioSpec(newName, limits, steps);
    }

    public ScenarioSpec withLimits(Limits newLimits) {
        return new ScenarioSpec(name, newLimits, steps);
    }

    /** Appends a step; a freeShm with no shm allocated before it is refused. */
    public ScenarioSpec then(Step step) {
        Objects.requireNonNull(step, "step");
        if (step instanceof Step.FreeShm && !hasShmToFree()) {
            throw new IllegalArgumentException("freeShm: nothing to free (no allocShm since the last freeShm)");
        }
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new ScenarioSpec(name, limits, more);
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
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps: the scenario has no step (add allocShm, allocRam, ...)");
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

    /** "shm 800, then ram 1300" (MiB), in order. */
    public String stepsText() {
        StringJoiner j = new StringJoiner(", then ");
        steps.forEach(s -> j.add(s.label()));
        return steps.isEmpty() ? "(no steps)" : j.toString();
    }

    @Override
    public String toString() {
        return (name != null ? name + ": " : "") + limitsText() + " | " + stepsText();
    }
}
