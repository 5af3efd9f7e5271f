package dev.oomlab.kernel.magic;

import java.util.Locale;

/** A duration as %time prints it: µs, ms or s with three significant digits. */
final class WallTime {

    private WallTime() {
    }

    static String format(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }
}
