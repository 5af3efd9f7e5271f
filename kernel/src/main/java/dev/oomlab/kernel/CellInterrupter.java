package dev.oomlab.kernel;

import dev.oomlab.kernel.jshell.JavaRepl;
import dev.oomlab.runtime.ActiveRuns;
import java.util.concurrent.CompletableFuture;

/**
 * What an interrupt does: first remove the containers this JVM runs (their blocked run() calls
 * then throw, which usually ends the cell by itself), then end the cell's thread.
 */
final class CellInterrupter implements Runnable {

    /** How long a cell may take to end by itself after an interrupt before it is stopped. */
    static final long GRACE_MILLIS = 300;

    private final CompletableFuture<JavaRepl> repl;

    CellInterrupter(CompletableFuture<JavaRepl> repl) {
        this.repl = repl;
    }

    @Override
    public void run() {
        JavaRepl session = repl.getNow(null);
        if (session != null) {
            // before the containers go: the cell then ends as interrupted, not with the run's cancellation
            session.noteInterrupt();
        }
        cancelContainers();
        if (session == null) {
            return;
        }
        try {
            session.interrupt(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void cancelContainers() {
        try {
            int removed = ActiveRuns.cancelAll();
            if (removed > 0) {
                Log.warn("interrupt: removed " + removed + " running container(s)");
            }
        } catch (LinkageError | RuntimeException e) {
            // the DSL's runtime may be absent or broken; stopping the cell still matters
            Log.warn("interrupt: could not cancel running containers", e);
        }
    }
}
