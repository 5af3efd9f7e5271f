package dev.oomlab.probe;

/**
 * A cgroup v2 file the probe wrote in its own cgroup before its first step, and what the kernel
 * reads back (memory.high rounds to a page, for one).
 *
 * @param file  "memory.high"
 * @param value what was written
 * @param read  what the file says afterwards
 * @param path  the file below the host's cgroup2 mount, e.g. "/docker/ID/memory.high"
 */
public record CgroupWrite(String file, String value, String read, String path) {

    /** "memory.high = 429916160 (reads 429916160), /sys/fs/cgroup/docker/ID/memory.high". */
    @Override
    public String toString() {
        return file + " = " + value + " (reads " + read + "), /sys/fs/cgroup" + path;
    }
}
