package dev.oomlab.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every container this JVM has running, so an interrupt (a kernel's interrupt_request, Ctrl-C,
 * JVM shutdown) can remove them all at once and the blocked runs end.
 */
public final class ActiveRuns {

    /** Stops one live run: removes its container and marks it cancelled. */
    public interface Handle {
        void cancel();
    }

    private static final Map<Object, Handle> RUNS = new ConcurrentHashMap<>();

    static {
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(ActiveRuns::cancelAll, "oomlab-cleanup"));
    }

    private ActiveRuns() {
    }

    public static void register(Object key, Handle handle) {
        RUNS.put(key, handle);
    }

    public static void unregister(Object key) {
        RUNS.remove(key);
    }

    /** How many runs are live now. */
    public static int count() {
        return RUNS.size();
    }

    /** Removes every live container of this JVM; their run() calls throw RunCancelledException. */
    public static int cancelAll() {
        int n = 0;
        for (Map.Entry<Object, Handle> e : RUNS.entrySet()) {
            if (RUNS.remove(e.getKey(), e.getValue())) {
                try {
                    e.getValue().cancel();
                } catch (RuntimeException ignored) {
                    // best effort: the reaper takes what is left at the next start
                }
                n++;
            }
        }
        return n;
    }
}
