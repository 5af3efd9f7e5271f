package dev.oomlab.result;

/** The outcome the {@link Classifier} chose from the evidence, and one sentence on why. */
public record Classification(Outcome outcome, String detail) {
}
