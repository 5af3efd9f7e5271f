package dev.oomlab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local host's memory, from /proc/meminfo; -1 where it cannot be read. */
public final class HostMemory {

    private HostMemory() {
    }

    public static long availableBytes() {
        return field("MemAvailable:");
    }

    public static long totalBytes() {
        return field("MemTotal:");
    }

    public static long swapTotalBytes() {
        return field("SwapTotal:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
