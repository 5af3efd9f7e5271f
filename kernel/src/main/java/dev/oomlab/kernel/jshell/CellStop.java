package dev.oomlab.kernel.jshell;

/**
 * The stop checks woven into snippet classes call {@link #check()}: once the kernel has asked the
 * cell's thread to stop, the next check on that thread throws. This is how a runaway cell ends on
 * JDK 20 and later, where Thread.stop throws UnsupportedOperationException. Public because snippet
 * classes, in their own package and class loader, call it.
 */
public final class CellStop {

    /** The thread asked to stop, or null; only that thread's checks throw. */
    private static volatile Thread target;

    private CellStop() {
    }

    /** Called by woven snippet code at each method's start and before each backward branch. */
    public static void check() {
        if (target == Thread.currentThread()) {
            throw new Stopped();
        }
    }

    static void request(Thread thread) {
        target = thread;
    }

    static void clear() {
        target = null;
    }

    /** Unwinds the cell's thread; an Error, so that a cell's catch (Exception e) does not swallow it. */
    static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the cell was stopped", null, false, false);
        }
    }
}
