package dev.oomlab.probe;

/**
 * What statfs said about a filesystem inside the container: what {@code df} shows.
 *
 * @param step       the probe step that asked
 * @param path       the path asked about, e.g. "/dev/shm"
 * @param sizeBytes  f_blocks × f_frsize: the size df shows
 * @param availBytes f_bavail × f_frsize: what df shows as available
 */
public record FsStat(int step, String path, long sizeBytes, long availBytes) {

    public double sizeMib() {
        return sizeBytes / 1048576.0;
    }

    public double availMib() {
        return availBytes / 1048576.0;
    }

    @Override
    public String toString() {
        return String.format("statfs %s: size %.0f MiB, available %.0f MiB", path, sizeMib(), availMib());
    }
}
