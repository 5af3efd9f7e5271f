package dev.oomlab.view;

import dev.oomlab.spec.Mib;
import dev.oomlab.result.CgroupV2Figures;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.probe.Sample;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.ShmMount;
import dev.oomlab.spec.Size;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One result over time: what the cgroup charged (shm, anon, page cache stacked, and its total
 * usage) against the memory and shm limits, where each step began, and the point where a run
 * that did not end OK ended. XChart cannot stack XY areas, so each area is drawn as a running
 * sum, the tallest first, each painting over the one below. On cgroup v2 it adds what the host
 * reports there: swap in use on top of the stack, memory.high, and the memory stall rate (PSI)
 * on a second y axis, each only when the samples have it.
 */
final class TimelineChart {

    /** What the x axis counts. */
    enum Axis {
        /** Seconds since the probe started. */
        SECONDS("time since the probe started (s)"),
        /** MiB the probe's steps have touched so far, all steps together. */
        MIB_DONE("MiB touched by the steps so far (all steps)");

        final String title;

        Axis(String title) {
            this.title = title;
        }
    }

    /** A part of the stack smaller than this everywhere is left out, to keep the legend short. */
    private static final double VISIBLE_MIB = 1.0;
    /** The y axis group of the stall rate, drawn on the right. */
    private static final int PRESSURE_AXIS = 1;
    static final String PRESSURE_SERIES = "memory stall (PSI some)";

    private TimelineChart() {
    }

    static XYChart of(Result result, Axis axis) {
        XYChart chart = ChartStyle.xyChart(title(result), axis.title, "charged to the memory cgroup (MiB)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        List<Sample> samples = result.samples();
        double[] x = xValues(samples, axis);
        double xMax = x.length == 0 ? 0 : x[x.length - 1];
        if (xMax <= 0) {
            xMax = axis == Axis.SECONDS ? Math.max(result.duration().toMillis() / 1000.0, 0.01) : 1;
        }
        chart.getStyler().setXAxisDecimalPattern(axis == Axis.MIB_DONE ? "#,##0" : xMax < 1 ? "0.00" : xMax < 10 ? "0.0" : "0");

        if (x.length > 0) {
            double[] shm = mib(samples, Sample::shmem);
            double[] anon = mib(samples, Sample::anon);
            double[] file = mib(samples, Sample::file);
            double[] shmAnon = sum(shm, anon);
            double[] charged = sum(shmAnon, file);
            // Bottom to top: shm, then anon on it, then page cache; each band a closed polygon.
            if (max(shm) >= VISIBLE_MIB) {
                band(chart, "shm", x, new double[x.length], shm, ChartStyle.SHM);
            }
            if (max(anon) >= VISIBLE_MIB) {
                band(chart, "anon", x, shm, shmAnon, ChartStyle.ANON);
            }
            if (max(file) >= VISIBLE_MIB) {
                band(chart, "page cache", x, shmAnon, charged, ChartStyle.FILE);
            }
            // Swapped-out pages left the memory charge (memory.current): on top of what is in RAM,
            // so the stack's top is all the cgroup holds and the usage line still meets the RAM part.
            double[] swap = mib(samples, s -> s.v2().swap());
            if (max(swap) > 0) {
                band(chart, "swap", x, charged, sum(charged, swap), ChartStyle.SWAP);
                chart.setYAxisTitle("charged to the memory cgroup, and swap (MiB)");
            }
            double[] usage = mib(samples, Sample::usage);
            if (max(usage) > 0) {
                XYSeries u = chart.addSeries("usage", x, usage);
                u.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                u.setMarker(SeriesMarkers.NONE);
                u.setLineColor(ChartStyle.USAGE);
                u.setLineWidth(1.5f);
            }
        }
        ScenarioSpec scenario = result.scenario();
        if (scenario.limits().memory() != null) {
            limitLine(chart, "memory limit " + Mib.text(scenario.limits().memory().mib(), 0), scenario.limits().memory().mib(), xMax,
                    ChartStyle.MEMORY_LIMIT, ChartStyle.DASHED);
        }
        // An unsized tmpfs has no limit of its own: no line, the memory limit is what bites. A
        // shm limit equal to memory (H1, H8) is dashed in between the memory line's dashes.
        Size shmLimit = ownShmLimit(scenario);
        if (shmLimit != null) {
            String name = (scenario.limits().shm() instanceof ShmMount.Tmpfs ? "tmpfs size " : "shm-size ")
                    + Mib.text(shmLimit.mib(), 0);
            limitLine(chart, name, shmLimit.mib(), xMax, ChartStyle.SHM, ChartStyle.DASHED_SHIFTED);
        }
        // memory.high as the kernel read it back; dashed in between the limit's when both are equal.
        long high = CgroupV2Figures.highLimitBytes(samples);
        if (high > 0) {
            boolean atLimit = scenario.limits().memory() != null && Mib.of(high) == scenario.limits().memory().mib();
            limitLine(chart, "memory.high " + Mib.text(high, 0), Mib.of(high), xMax, ChartStyle.MEMORY_HIGH,
                    atLimit ? ChartStyle.DASHED_SHIFTED : ChartStyle.DASHED);
        }
        Optional<StallRate> stallRate = StallRate.of(samples, x);
        stallRate.ifPresent(rate -> pressureLine(chart, rate));
        // Room above the highest line for the step labels.
        double yMax = headroom(result, scenario);
        chart.getStyler().setYAxisMax(yMax);
        PlotLabels labels = new PlotLabels(chart, x.length == 0 ? 0 : x[0], xMax, yMax, stallRate.isPresent());
        labels.steps(stepMarks(result, x));
        markEnd(chart, labels, result, x);
        LegendFit.fit(chart, ChartStyle.WIDTH - 60, shorterLabels(chart));
        return chart;
    }

    private static String title(Result result) {
        ScenarioSpec s = result.scenario();
        return (s.name() != null ? s.name() : s.stepsText()) + " \u2192 " + result.outcome();
    }

    /** A step begins where the sample before its first sample was taken. */
    private static List<PlotLabels.Mark> stepMarks(Result result, double[] x) {
        List<PlotLabels.Mark> marks = new ArrayList<>();
        List<Sample> samples = result.samples();
        if (result.steps().size() < 2) {
            return marks;
        }
        int seen = -1;
        for (int i = 0; i < samples.size(); i++) {
            int step = samples.get(i).step();
            if (step > seen) {
                double at = i == 0 ? x[0] : x[i - 1];
                for (int k = seen + 1; k <= step; k++) {
                    marks.add(new PlotLabels.Mark(at, (k + 1) + ". " + result.scenario().steps().get(k).label()));
                }
                seen = step;
            }
        }
        return marks;
    }

    /** When the legend is crowded: "limit 512 MiB", "high 410 MiB", "stall % (PSI)". */
    private static Map<String, String> shorterLabels(XYChart chart) {
        Map<String, String> shorter = new LinkedHashMap<>();
        for (String name : chart.getSeriesMap().keySet()) {
            if (name.equals(PRESSURE_SERIES)) {
                shorter.put(name, "stall % (PSI)");
            } else if (name.startsWith("memory limit ")) {
                shorter.put(name, name.substring("memory ".length()));
            } else if (name.startsWith("memory.high ")) {
                shorter.put(name, name.substring("memory.".length()));
            }
        }
        return shorter;
    }

    /** The last sample of a run that did not end OK: where it was killed, hung or failed. */
    private static void markEnd(XYChart chart, PlotLabels labels, Result result, double[] x) {
        if (result.outcome() == Outcome.OK || x.length == 0) {
            return;
        }
        Sample last = result.samples().get(result.samples().size() - 1);
        double y = last.usage() < 0 ? 0 : Mib.of(last.usage());
        double lastX = x[x.length - 1];
        Color color = OutcomeColors.of(result.outcome());
        XYSeries end = chart.addSeries("end: " + result.outcome(), new double[] {lastX}, new double[] {y});
        end.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        end.setMarker(SeriesMarkers.DIAMOND);
        end.setMarkerColor(color);
        chart.getStyler().setAnnotationTextPanelBorderColor(color);
        chart.getStyler().setAnnotationTextPanelFontColor(color);
        labels.point(result.outcome() + " at " + Mib.text(y, 0) + " charged (last sample)", lastX, y);
    }

    /**
     * The stall rate as a line on its own axis, right, 0 to 100 % of wall time, in its own colour so
     * the axis reads as the line's.
     */
    private static void pressureLine(XYChart chart, StallRate rate) {
        XYSeries p = chart.addSeries(PRESSURE_SERIES, rate.x(), rate.percent());
        p.setYAxisGroup(PRESSURE_AXIS);
        p.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        p.setMarker(SeriesMarkers.NONE);
        p.setLineColor(ChartStyle.PRESSURE);
        p.setLineWidth(1.5f);
        chart.setYAxisGroupTitle(PRESSURE_AXIS, "memory stall, some task (% of wall time)");
        var styler = chart.getStyler();
        styler.setYAxisGroupPosition(PRESSURE_AXIS, Styler.YAxisPosition.Right);
        styler.setYAxisMin(PRESSURE_AXIS, 0.0);
        styler.setYAxisMax(PRESSURE_AXIS, 100.0);
        styler.putYAxisGroupDecimalPatternMap(PRESSURE_AXIS, "0");
        styler.setYAxisGroupTickLabelsColorMap(PRESSURE_AXIS, ChartStyle.PRESSURE);
        styler.setYAxisGroupTitleColor(PRESSURE_AXIS, ChartStyle.PRESSURE);
    }

    /** The band between two curves, as one polygon: along the top, back along the bottom. */
    private static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper, Color color) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(ChartStyle.translucent(color, 190));
        s.setLineColor(ChartStyle.translucent(color, 0));
    }

    private static void limitLine(XYChart chart, String name, double mib, double xMax, Color color,
                                  java.awt.BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, new double[] {0, xMax}, new double[] {mib, mib});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
    }

    private static double headroom(Result result, ScenarioSpec scenario) {
        double top = 0;
        for (Sample s : result.samples()) {
            long stacked = Math.max(0, s.shmem()) + Math.max(0, s.anon()) + Math.max(0, s.file())
                    + Math.max(0, s.v2().swap());
            top = Math.max(top, Mib.of(Math.max(Math.max(0, s.usage()), stacked)));
        }
        top = Math.max(top, Mib.of(Math.max(0, CgroupV2Figures.highLimitBytes(result.samples()))));
        if (scenario.limits().memory() != null) {
            top = Math.max(top, scenario.limits().memory().mib());
        }
        Size shmLimit = ownShmLimit(scenario);
        if (shmLimit != null) {
            top = Math.max(top, shmLimit.mib());
        }
        return top <= 0 ? 1 : top * 1.14;
    }

    /** A counter the kernel does not offer (-1) adds nothing to the stack. */
    private static double[] mib(List<Sample> samples, ToLongFunction<Sample> counter) {
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) {
            long bytes = counter.applyAsLong(samples.get(i));
            y[i] = bytes < 0 ? 0 : Mib.of(bytes);
        }
        return y;
    }

    static double[] xValues(List<Sample> samples, Axis axis) {
        double[] x = new double[samples.size()];
        if (axis == Axis.SECONDS) {
            for (int i = 0; i < x.length; i++) {
                x[i] = samples.get(i).seconds();
            }
            return x;
        }
        // Bytes done across all steps: each step's furthest progress so far, summed.
        Map<Integer, Long> doneByStep = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            Sample s = samples.get(i);
            if (s.step() >= 0) {
                doneByStep.merge(s.step(), s.doneBytes(), Math::max);
            }
            x[i] = Mib.of(doneByStep.values().stream().mapToLong(Long::longValue).sum());
        }
        return x;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The size of the container's own /dev/shm, or null: none for an unsized tmpfs, and none with
     * ipc host or container:NAME, whose /dev/shm is the host's or the joined container's.
     */
    private static Size ownShmLimit(ScenarioSpec scenario) {
        String ipc = scenario.limits().ipc();
        boolean notItsOwn = ipc != null && (ipc.equals("host") || ipc.startsWith("container:"));
        return notItsOwn ? null : scenario.limits().shm().sizeLimit();
    }
}
