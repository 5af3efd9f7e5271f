package dev.oomlab.suite;

import java.util.Objects;
import java.util.function.Supplier;

/** Holds the factory behind {@link SuiteListener#defaultListener()}. */
final class DefaultListener {

    private static volatile Supplier<SuiteListener> factory = () -> SuiteListener.NONE;

    private DefaultListener() {
    }

    static SuiteListener get() {
        return factory.get();
    }

    static void set(Supplier<SuiteListener> newFactory) {
        factory = Objects.requireNonNull(newFactory, "factory");
    }
}
