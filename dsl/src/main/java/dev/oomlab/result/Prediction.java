package dev.oomlab.result;


/**
 * What the limit model says a scenario will do, without running it.
 *
 * @param outcome   the predicted outcome
 * @param stepIndex the step (0-based) predicted to fail, or -1 when every step is predicted to pass
 * @param reason    one sentence: which rule decides, with the numbers
 * @param marginMib how far the scenario is from the model's nearest boundary, in MiB: the smallest
 *                  headroom left for an OK prediction, how far past the limit the failing step asks
 *                  otherwise. A small margin means the kernel's own overhead may decide instead.
 */
public record Prediction(Outcome outcome, int stepIndex, String reason, long marginMib) {

    /** Below this margin (MiB) a disagreement with the kernel is a boundary effect, not a wrong rule. */
    public static final long NEAR_BOUNDARY_MIB = 64;

    public Prediction {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome: must not be null");
        }
        if (stepIndex < -1) {
            throw new IllegalArgumentException("stepIndex: " + stepIndex + " (expected -1 or a step index)");
        }
    }

    /** True when the scenario is within {@link #NEAR_BOUNDARY_MIB} of the model's boundary. */
    public boolean nearBoundary() {
        return marginMib < NEAR_BOUNDARY_MIB;
    }

    @Override
    public String toString() {
        return outcome + " (" + reason + ")";
    }
}
