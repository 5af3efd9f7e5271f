package dev.oomlab.view;

import dev.oomlab.display.Renderers;
import dev.oomlab.result.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** oomlab's XChart charts, and their export to PNG. */
public final class Charts {

    private Charts() {
    }

    /** One result over time: shm, anon and page cache stacked, the limits, where it ended. */
    public static XYChart timeline(Result result) {
        return TimelineChart.of(Objects.requireNonNull(result, "result"), TimelineChart.Axis.SECONDS);
    }

    /** The same, against the MiB the steps have touched so far instead of time. */
    public static XYChart timelineByMibDone(Result result) {
        return TimelineChart.of(Objects.requireNonNull(result, "result"), TimelineChart.Axis.MIB_DONE);
    }

    /** Writes a chart as PNG, creating parent directories; returns the path. */
    public static Path png(Chart<?, ?> chart, Path path) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(path, "path");
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(path, Renderers.png(chart));
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write chart to " + path, e);
        }
    }
}
