package dev.oomlab.runtime;

/** A run stopped from outside (an interrupt, a kernel's stop, JVM shutdown); its container is gone. */
public class RunCancelledException extends RuntimeException {

    public RunCancelledException(String message) {
        super(message);
    }
}
