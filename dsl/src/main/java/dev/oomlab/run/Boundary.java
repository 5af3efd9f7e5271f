package dev.oomlab.run;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.List;

/**
 * The largest allocation of one kind that, appended after a scenario's steps, still ends OK.
 *
 * @param kind         what was appended: app RAM or shm
 * @param base         the scenario the allocation is appended to
 * @param mib          the largest size observed OK (0 when none was)
 * @param failMib      the smallest size observed not OK, or -1 when none was
 * @param predictedMib the limit model's answer, where the search started
 * @param runs         how many runs the search used
 * @param results      every run, in the order it ran
 * @param note         empty when bracketed to 1 MiB, else why not
 * @param method       how it was found: the kill point and whether the runs after it confirmed it,
 *                     or why the search fell back to bisection
 */
public record Boundary(Kind kind, ScenarioSpec base, long mib, long failMib, long predictedMib, int runs,
                       List<Result> results, String note, String method) {

    /** What the search appends to the scenario. */
    public enum Kind {
        RAM("max RAM"), SHM("max shm");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Boundary {
        results = List.copyOf(results);
        note = note == null ? "" : note;
        method = method == null ? "" : method;
    }

    /**
     * True when the boundary is exact to 1 MiB: a run at {@code mib} ended OK (none is needed at
     * 0: the base itself) and one at {@code failMib}, 1 MiB above, did not (a kill run that died
     * below {@code failMib} shows that too). A kill point alone, with no OK run, is not enough.
     */
    public boolean bracketed() {
        return failMib >= 0 && failMib - mib <= 1 && (mib == 0 || endedOkAt(mib));
    }

    private boolean endedOkAt(long size) {
        return results.stream().filter(r -> r.outcome() == Outcome.OK && !r.scenario().steps().isEmpty())
                .map(r -> r.scenario().steps().get(r.scenario().steps().size() - 1))
                .anyMatch(last -> !(last instanceof Step.UntilKilled) && last.targetBytes() == size * Size.MIB);
    }

    /** The measured boundary minus the model's: 0 when the model is exact. */
    public long modelError() {
        return mib - predictedMib;
    }

    @Override
    public String toString() {
        return kind.label() + " after [" + base.stepsText() + "] with " + base.limitsText() + ": " + mib + " MiB"
                + (bracketed() ? " (" + failMib + " fails)" : " (NOT bracketed: " + note + ")")
                + ", model " + predictedMib + " MiB, " + runs + " runs" + (method.isEmpty() ? "" : "; " + method);
    }
}
