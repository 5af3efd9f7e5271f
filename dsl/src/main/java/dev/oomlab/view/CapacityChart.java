package dev.oomlab.view;

import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Outcome;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.search.SweepResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Sweeps drawn: capacity curves (several side by side on one set of axes, each with the model's
 * line dashed in the same colour), outcome sweeps (peak against x, coloured by outcome), and the
 * platform bug's two capacities as stacked bars when no curve was swept.
 */
final class CapacityChart {

    /** AS-IS, TO-BE, then more: distinct and readable on white. */
    private static final Color[] SERIES = {
        new Color(0xdc2626), new Color(0x16a34a), new Color(0x2563eb), new Color(0xd97706), new Color(0x9333ea)
    };

    private CapacityChart() {
    }

    static XYChart curves(List<SweepResult> sweeps) {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("sweeps: no sweep to draw");
        }
        SweepResult first = sweeps.get(0);
        XYChart chart = ChartStyle.xyChart("Capacity: " + first.measure() + " against " + first.parameter(),
                first.parameter(), first.measure());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 220));
        chart.getStyler().setLegendBorderColor(new Color(0xd1d5db));
        double yMax = 0;
        for (int i = 0; i < sweeps.size(); i++) {
            SweepResult sweep = sweeps.get(i);
            if (!sweep.isCapacity()) {
                throw new IllegalArgumentException("sweeps: \"" + sweep.name() + "\" measured outcomes, not a capacity");
            }
            Color color = SERIES[i % SERIES.length];
            List<SweepPoint> points = sweep.points();
            double[] x = points.stream().mapToDouble(SweepPoint::x).toArray();
            double[] y = points.stream().mapToDouble(SweepPoint::y).toArray();
            double[] model = points.stream().mapToDouble(SweepPoint::predictedY).toArray();
            XYSeries measured = chart.addSeries(String.format("%s (slope %.2f)", sweep.name(), sweep.slope()), x, y);
            measured.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            measured.setMarker(SeriesMarkers.CIRCLE);
            measured.setMarkerColor(color);
            measured.setLineColor(color);
            measured.setLineStyle(ChartStyle.SOLID);
            XYSeries predicted = chart.addSeries("model: " + sweep.name(), x, model);
            predicted.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            predicted.setMarker(SeriesMarkers.NONE);
            predicted.setLineColor(ChartStyle.translucent(color, 150));
            predicted.setLineStyle(ChartStyle.DASHED);
            for (double v : y) {
                yMax = Math.max(yMax, v);
            }
            for (double v : model) {
                yMax = Math.max(yMax, Double.isNaN(v) ? 0 : v);
            }
        }
        // Headroom for the legend inside the plot.
        chart.getStyler().setYAxisMax(yMax <= 0 ? 1 : yMax * 1.35);
        return chart;
    }

    /** An outcome sweep: the peak charged at each x, one series per outcome. */
    static XYChart outcomes(SweepResult sweep) {
        XYChart chart = ChartStyle.xyChart(sweep.name() + ": outcome against " + sweep.parameter(),
                sweep.parameter(), "peak charged (MiB)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setMarkerSize(11);
        Map<Outcome, List<double[]>> byOutcome = new EnumMap<>(Outcome.class);
        for (SweepPoint p : sweep.points()) {
            if (p.result() == null) {
                continue;
            }
            double peak = p.result().peakBytes() < 0 ? 0 : p.result().peakMib();
            byOutcome.computeIfAbsent(p.outcome(), o -> new ArrayList<>()).add(new double[] {p.x(), peak});
        }
        if (byOutcome.isEmpty()) {
            throw new IllegalArgumentException("sweep: \"" + sweep.name() + "\" has no run to draw");
        }
        ChartStyle.outcomePoints(chart, byOutcome);
        return chart;
    }

    /**
     * The platform bug without curves: for AS-IS and TO-BE, the shm in use and the largest app RAM
     * measured on top of it, stacked, so the total each setting really gives stands side by side.
     */
    static CategoryChart platformBug(PlatformBugResult r) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(String.format("Platform bug: %d MiB asked, %d MiB shm in use; the subtraction costs %d MiB",
                        r.bug().requestedMib(), r.bug().shmUsedMib(), r.lostMib()))
                .xAxisTitle("platform setting").yAxisTitle("memory the container can use (MiB)").build();
        ChartStyle.style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
        chart.getStyler().setLabelsFontColor(Color.WHITE);
        chart.getStyler().setLabelsPosition(0.5);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setAvailableSpaceFill(0.45);
        List<String> settings = List.of(label("AS-IS", r.asIs()), label("TO-BE", r.toBe()));
        List<Double> shm = List.of((double) r.bug().shmUsedMib(), (double) r.bug().shmUsedMib());
        List<Double> ram = List.of((double) r.asIs().mib(), (double) r.toBe().mib());
        CategorySeries s = chart.addSeries("shm in use", settings, shm);
        s.setFillColor(ChartStyle.SHM);
        CategorySeries a = chart.addSeries("largest app RAM that ends OK (measured)", settings, ram);
        a.setFillColor(ChartStyle.ANON);
        return chart;
    }

    private static String label(String setting, Boundary b) {
        return setting + ": " + b.base().limitsText();
    }
}
