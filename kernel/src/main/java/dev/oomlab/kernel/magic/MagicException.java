package dev.oomlab.kernel.magic;

/** A magic that cannot do what it was asked; the message is all the user sees (no stack trace). */
public final class MagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MagicException(String message) {
        super(message);
    }
}
