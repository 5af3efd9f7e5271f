package dev.oomlab.hypothesis;

import dev.oomlab.result.Outcome;
import dev.oomlab.dsl.Scenario;
import dev.oomlab.spec.Limits;
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
 */
public record Case(String name, List<Step> steps, Outcome ifTrue, Outcome ifFalse, Outcome seedObserved,
                   Limits limits) {

    public Case {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a case needs a name, got \"" + name + "\"");
        }
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("steps: case \"" + name + "\" has no step");
        }
        if (ifTrue == null || ifFalse == null) {
            throw new IllegalArgumentException("outcomes: case \"" + name + "\" needs ifTrue and ifFalse, got "
                    + ifTrue + ", " + ifFalse);
        }
        steps = List.copyOf(steps);
    }

    public Case(String name, List<Step> steps, Outcome ifTrue, Outcome ifFalse, Outcome seedObserved) {
        this(name, steps, ifTrue, ifFalse, seedObserved, null);
    }

    public Case(String name, List<Step> steps, Expectation expect) {
        this(name, steps, expect.ifTrue(), expect.ifFalse(), expect.seedObserved(), null);
    }

    public Case(String name, List<Step> steps, Expectation expect, Limits limits) {
        this(name, steps, expect.ifTrue(), expect.ifFalse(), expect.seedObserved(), limits);
    }

    /** The case as a runnable scenario: its limits (the base's unless it has its own), then its steps. */
    public Scenario on(Scenario base) {
        Scenario s = limits == null ? base : base.limits(limits);
        for (Step step : steps) {
            s = s.then(step);
        }
        return s;
    }
}
