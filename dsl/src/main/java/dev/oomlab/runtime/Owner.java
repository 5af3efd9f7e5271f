package dev.oomlab.runtime;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns a container, written into its labels so that a later start can tell
 * whether the owner is gone (and the container is a leftover to reap).
 */
public record Owner(String host, long pid, long startMillis) {

    public static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(hostName(), self.pid(),
                self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    public String label() {
        return host + "/" + pid + "/" + startMillis;
    }

    public static Optional<Owner> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String[] parts = label.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when this owner runs on this host and its process (same pid, same start) is alive. */
    public boolean isAliveHere() {
        if (!host.equals(hostName())) {
            return true; // another host's process: not ours to judge
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(start -> Math.abs(start.toEpochMilli() - startMillis) < 2_000)
                .orElse(false);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
