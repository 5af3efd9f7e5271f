package dev.oomlab.hypothesis;

import dev.oomlab.result.Outcome;

/**
 * What a case expects, by name rather than by position:
 * {@code ifTrue(OK).ifFalse(OOM).seedSaw(OOM)} reads as the seed's table does.
 *
 * @param ifTrue       the outcome if the hypothesis holds
 * @param ifFalse      the outcome if it does not
 * @param seedObserved what the seed study observed, or null for a case of your own
 */
public record Expectation(Outcome ifTrue, Outcome ifFalse, Outcome seedObserved) {

    /** Starts an expectation with the outcome the claim predicts. */
    public static Expectation ifTrue(Outcome outcome) {
        return new Expectation(outcome, null, null);
    }

    public Expectation ifFalse(Outcome outcome) {
        return new Expectation(ifTrue, outcome, seedObserved);
    }

    /** The seed's own observation, so a host that behaves differently shows "not as seed". */
    public Expectation seedSaw(Outcome outcome) {
        return new Expectation(ifTrue, ifFalse, outcome);
    }
}
