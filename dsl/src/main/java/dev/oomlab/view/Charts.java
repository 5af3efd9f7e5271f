package dev.oomlab.view;

import dev.oomlab.display.Png;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.CategoryChart;

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

    /** Capacity curves side by side (e.g. AS-IS and TO-BE), each with the model's line dashed. */
    public static XYChart capacity(List<SweepResult> sweeps) {
        return CapacityChart.curves(List.copyOf(Objects.requireNonNull(sweeps, "sweeps")));
    }

    public static XYChart capacity(SweepResult... sweeps) {
        return capacity(List.of(sweeps));
    }

    /** An outcome sweep: the peak at each point, coloured by outcome. */
    public static XYChart outcomes(SweepResult sweep) {
        return CapacityChart.outcomes(Objects.requireNonNull(sweep, "sweep"));
    }

    /** A sweep as its chart: capacity curve or outcomes. */
    public static XYChart sweep(SweepResult sweep) {
        Objects.requireNonNull(sweep, "sweep");
        return sweep.isCapacity() ? capacity(sweep) : outcomes(sweep);
    }

    /**
     * The platform bug as PNG: its AS-IS and TO-BE capacity curves when it was swept, else
     * {@link #platformBugBars}.
     */
    public static byte[] platformBugPng(PlatformBugResult result) {
        Objects.requireNonNull(result, "platform bug result");
        return result.curves().isEmpty() ? Png.of(platformBugBars(result)) : Png.of(capacity(result.curves()));
    }

    /** The platform bug's two measured capacities as stacked bars (shm in use + largest app RAM). */
    public static CategoryChart platformBugBars(PlatformBugResult result) {
        return CapacityChart.platformBug(Objects.requireNonNull(result, "platform bug result"));
    }

    /** A boundary search, run by run: the size tried, coloured by outcome, the boundary and the model. */
    public static XYChart boundary(Boundary boundary) {
        return BoundaryChart.of(Objects.requireNonNull(boundary, "boundary"));
    }

    /** Writes a chart as PNG, creating parent directories; returns the path. */
    public static Path png(XYChart chart, Path path) {
        Objects.requireNonNull(chart, "chart");
        return Png.write(Png.of(chart), Objects.requireNonNull(path, "path"));
    }
}
