package dev.oomlab.spec;

import java.util.Locale;

/**
 * Bytes shown as MiB, the one unit every view, table and report speaks. A negative count is a
 * counter the kernel did not give: it stays absent (null) rather than becoming a number.
 */
public final class Mib {

    private Mib() {
    }

    /** The exact value, for charts. */
    public static double of(long bytes) {
        return bytes / (double) Size.MIB;
    }

    /** The exact value, or NaN for a counter not read (so a chart leaves a gap). */
    public static double ofOrNaN(long bytes) {
        return bytes < 0 ? Double.NaN : of(bytes);
    }

    /** Whole MiB, rounded down, as steps and limits are sized. */
    public static long whole(long bytes) {
        return bytes / Size.MIB;
    }

    /** Whole MiB, or null for a counter not read. */
    public static Long wholeOrNull(long bytes) {
        return bytes < 0 ? null : whole(bytes);
    }

    /** To a tenth of a MiB (a peak in a table or results.json), or null for a counter not read. */
    public static Double tenths(long bytes) {
        return bytes < 0 ? null : Math.round(of(bytes) * 10) / 10.0;
    }

    /** "241 MiB" ({@code decimals} 0) or "241.0 MiB" (1). */
    public static String text(double mib, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f MiB", mib);
    }

    /** The bytes as {@link #text}, or "n/a" for a counter not read. */
    public static String text(long bytes, int decimals) {
        return bytes < 0 ? "n/a" : text(of(bytes), decimals);
    }
}
