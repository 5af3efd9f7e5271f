package dev.oomlab.spec;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory size in bytes. Ints are MiB; strings take a number with an optional decimal part and
 * a unit b, k, m, g or t (binary, case-insensitive, "512m", "1.5g", "2G", "512MiB").
 */
public record Size(long bytes) implements Comparable<Size> {

    public static final long MIB = 1024L * 1024L;
    private static final Pattern FORMAT =
            Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([bkmgt])(?:i?b)?\\s*", Pattern.CASE_INSENSITIVE);

    public Size {
        if (bytes <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + bytes + " bytes");
        }
    }

    public static Size ofMib(long mib) {
        return new Size(mib * MIB);
    }

    /** Parses {@code text} for the named field; the message names the field and the value. */
    public static Size parse(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + ": size is missing (expected a number with b, k, m or g)");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    field + ": invalid size \"" + text + "\" (expected a number with b, k, m or g)");
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit(m.group(2))));
        if (bytes.signum() <= 0) {
            throw new IllegalArgumentException(field + ": size must be positive, got \"" + text + "\"");
        }
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(field + ": size \"" + text + "\" is too large");
        }
        return new Size(bytes.longValue());
    }

    /** Checks an int MiB argument for the named field. */
    public static Size mib(String field, long mib) {
        if (mib <= 0) {
            throw new IllegalArgumentException(field + ": size must be a positive number of MiB, got " + mib);
        }
        return ofMib(mib);
    }

    private static long unit(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "b" -> 1L;
            case "k" -> 1024L;
            case "m" -> MIB;
            case "g" -> 1024L * MIB;
            case "t" -> 1024L * 1024L * MIB;
            default -> throw new IllegalStateException(unit);
        };
    }

    public double mib() {
        return bytes / (double) MIB;
    }

    /** Whole MiB, rounded down. */
    public long wholeMib() {
        return bytes / MIB;
    }

    @Override
    public int compareTo(Size other) {
        return Long.compare(bytes, other.bytes);
    }

    /** The shortest exact form: "2g", "512m", "1536k", else bytes with "b". */
    @Override
    public String toString() {
        return format(bytes);
    }

    public static String format(long bytes) {
        String[] units = {"t", "g", "m", "k"};
        long[] sizes = {1024L * 1024L * MIB, 1024L * MIB, MIB, 1024L};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
                return bytes / sizes[i] + units[i];
            }
        }
        return bytes + "b";
    }
}
