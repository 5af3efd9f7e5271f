package dev.oomlab.suite;

import java.util.HashSet;
import java.util.Set;

/**
 * Bytes of host memory shared by running tasks, handed out first come, first served so a large
 * task is not starved by small ones. A task larger than the whole budget takes all of it: it runs
 * alone rather than never.
 */
final class MemoryBudget {

    private final long total;
    private final Set<Long> abandoned = new HashSet<>();
    private long free;
    private long nextTicket;
    private long serving;

    MemoryBudget(long totalBytes) {
        if (totalBytes <= 0) {
            throw new IllegalArgumentException("budget: must be positive, got " + totalBytes + " bytes");
        }
        this.total = totalBytes;
        this.free = totalBytes;
    }

    /** Blocks until {@code bytes} (capped at the whole budget) are free and it is this caller's turn. */
    synchronized long acquire(long bytes) throws InterruptedException {
        long want = Math.min(Math.max(bytes, 0), total);
        long ticket = nextTicket++;
        try {
            while (ticket != serving || free < want) {
                wait();
            }
        } catch (InterruptedException e) {
            // give the turn away, or the callers behind this one would wait for ever
            if (ticket == serving) {
                serving++;
            } else {
                abandoned.add(ticket);
            }
            skipAbandoned();
            notifyAll();
            throw e;
        }
        free -= want;
        serving++;
        skipAbandoned();
        notifyAll();
        return want;
    }

    synchronized void release(long granted) {
        free += granted;
        notifyAll();
    }

    synchronized long reserved() {
        return total - free;
    }

    long total() {
        return total;
    }

    private void skipAbandoned() {
        while (abandoned.remove(serving)) {
            serving++;
        }
    }
}
