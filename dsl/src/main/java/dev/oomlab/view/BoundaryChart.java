package dev.oomlab.view;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A boundary search run by run: the size each run tried, coloured by outcome, closing in. */
final class BoundaryChart {

    private BoundaryChart() {
    }

    static XYChart of(Boundary b) {
        XYChart chart = ChartStyle.xyChart(b.kind().label() + " search: " + b.mib() + " MiB ends OK"
                        + (b.failMib() >= 0 ? ", " + b.failMib() + " MiB does not" : ""),
                "run", b.kind().label() + " tried (MiB)");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setMarkerSize(11);
        List<Result> runs = b.results();
        int n = Math.max(1, runs.size());
        Map<Outcome, List<double[]>> byOutcome = new EnumMap<>(Outcome.class);
        double[] x = new double[runs.size()];
        double[] y = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            x[i] = i + 1;
            y[i] = Tables.triedMib(runs.get(i));
            byOutcome.computeIfAbsent(runs.get(i).outcome(), o -> new ArrayList<>()).add(new double[] {x[i], y[i]});
        }
        if (runs.size() > 1) {
            XYSeries path = chart.addSeries("tried", x, y);
            path.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            path.setMarker(SeriesMarkers.NONE);
            path.setLineColor(new java.awt.Color(0x9ca3af));
            path.setLineWidth(1f);
            path.setShowInLegend(false);
        }
        ChartStyle.outcomePoints(chart, byOutcome);
        line(chart, "largest OK " + b.mib() + " MiB", b.mib(), n, OutcomeColors.of(Outcome.OK));
        line(chart, "model " + b.predictedMib() + " MiB", b.predictedMib(), n, ChartStyle.MODEL);
        return chart;
    }

    private static void line(XYChart chart, String name, double y, int runs, java.awt.Color color) {
        XYSeries s = chart.addSeries(name, new double[] {1, Math.max(2, runs)}, new double[] {y, y});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(ChartStyle.DASHED);
    }
}
