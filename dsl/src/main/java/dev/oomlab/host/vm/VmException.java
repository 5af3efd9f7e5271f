package dev.oomlab.host.vm;

import dev.oomlab.runtime.RuntimeUnavailableException;

/** A VM host that could not be built, booted or reached: one sentence naming the VM and its log. */
public final class VmException extends RuntimeUnavailableException {

    public VmException(String message) {
        super(message);
    }
}
