package dev.oomlab.runtime;

import dev.oomlab.spec.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The host's /dev/shm after a container with {@code ipc("host")}: a segment its probe did not
 * unlink (it was killed) stays there, charged to nobody alive, until someone removes it.
 */
public final class HostShm {

    private static final Path DIR = Path.of("/dev/shm");

    private HostShm() {
    }

    /**
     * Removes the named segments from the host's /dev/shm where the engine runs on this machine,
     * and says what it did; for an engine elsewhere it says that it cannot, and what is left there.
     */
    public static String remove(ContainerRuntime runtime, Collection<String> segments) {
        if (segments.isEmpty()) {
            return "";
        }
        if (!runtime.onThisMachine()) {
            return "cannot remove " + String.join(", ", segments) + " from the host's /dev/shm: the engine \""
                    + runtime.environment().host() + "\" is not on this machine (remove them there)";
        }
        List<String> done = new ArrayList<>();
        for (String segment : segments) {
            Path file = DIR.resolve(segment);
            try {
                long bytes = Files.exists(file) ? Files.size(file) : -1;
                if (bytes < 0) {
                    done.add(segment + " (already gone)");
                } else {
                    Files.deleteIfExists(file);
                    done.add("removed /dev/shm/" + segment + " (" + bytes / Size.MIB + " MiB)");
                }
            } catch (IOException | SecurityException e) {
                done.add("could not remove /dev/shm/" + segment + ": " + e.getMessage());
            }
        }
        return String.join(", ", done);
    }
}
