package dev.oomlab.runtime.docker;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Removes finished containers off the caller's path: a result is ready once the container is
 * inspected, and its removal (a daemon round trip) need not delay it. Until a removal is done the
 * container stays registered in ActiveRuns, so an interrupt or JVM shutdown still removes it.
 */
final class Removals {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "oomlab-remove");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();

    void later(Runnable removal) {
        pending.incrementAndGet();
        pool.execute(() -> {
            try {
                removal.run();
            } finally {
                if (pending.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    /** Waits until every submitted removal is done; false when the timeout passed first. */
    boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    void shutdown() {
        pool.shutdown();
    }
}
