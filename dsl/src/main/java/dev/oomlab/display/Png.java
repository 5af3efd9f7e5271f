package dev.oomlab.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.XYChart;

/**
 * Charts encoded as PNG, through XChart's public chart types only.
 * (Their common base class is internal to XChart and may change on an upgrade.)
 */
public final class Png {

    private Png() {
    }

    public static byte[] of(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    public static byte[] of(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    public static byte[] of(PieChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    /** For an {@code <img src="data:image/png;base64,...">} or a PNG in a MIME bundle. */
    public static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }

    /** Writes the PNG, creating parent directories; returns the path. */
    public static Path write(byte[] png, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(path, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write chart to " + path, e);
        }
    }
}
