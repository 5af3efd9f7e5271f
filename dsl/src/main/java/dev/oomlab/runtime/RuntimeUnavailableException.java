package dev.oomlab.runtime;

/** The container engine cannot be reached; the message is one sentence that says what to do. */
public class RuntimeUnavailableException extends RuntimeException {

    public RuntimeUnavailableException(String message) {
        super(message);
    }

    /** A one-sentence error reads better than a stack trace in a notebook or a terminal. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
