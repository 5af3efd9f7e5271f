package dev.oomlab.view;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;

/**
 * Keeps a one-row legend below the plot inside the image. XChart lays it out in one row, however
 * long, centred under the plot, and cuts off what does not fit; with the cgroup v2 series a
 * timeline has up to nine entries. So: measure the row as XChart does, tighten its spacing, then
 * use the shorter labels the chart offers, and if it is still too wide, break the longest labels
 * onto two lines (XChart draws a label's "\n" as a line break).
 */
final class LegendFit {

    /** XChart's legend swatch for boxes (areas, markers) is this wide. */
    private static final double BOX_PX = 20;
    private static final int TIGHT_PADDING = 6;
    private static final int TIGHT_LINE_LENGTH = 16;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    private LegendFit() {
    }

    /**
     * Fits the legend into {@code maxWidthPx}, or as close as breaking every label once gets.
     *
     * @param shorter series name to a shorter label for it, tried in this order
     */
    static void fit(XYChart chart, double maxWidthPx, Map<String, String> shorter) {
        if (width(chart) <= maxWidthPx) {
            return;
        }
        chart.getStyler().setLegendPadding(TIGHT_PADDING);
        chart.getStyler().setLegendSeriesLineLength(TIGHT_LINE_LENGTH);
        for (Map.Entry<String, String> e : shorter.entrySet()) {
            XYSeries s = chart.getSeriesMap().get(e.getKey());
            if (width(chart) <= maxWidthPx) {
                return;
            }
            if (s != null) {
                s.setLabel(e.getValue());
            }
        }
        boolean broken = false;
        while (width(chart) > maxWidthPx) {
            XYSeries widest = null;
            double widestPx = 0;
            for (XYSeries s : chart.getSeriesMap().values()) {
                double w = textWidth(chart, s.getLabel());
                if (!s.getLabel().contains("\n") && s.getLabel().contains(" ") && w > widestPx) {
                    widest = s;
                    widestPx = w;
                }
            }
            if (widest == null) {
                break;
            }
            widest.setLabel(breakNearMiddle(widest.getLabel()));
            broken = true;
        }
        // XChart takes the row's height from its last entry alone: that one must have two lines too.
        XYSeries last = null;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.isShowInLegend() && s.isEnabled()) {
                last = s;
            }
        }
        if (broken && last != null && !last.getLabel().contains("\n") && last.getLabel().contains(" ")) {
            last.setLabel(breakNearMiddle(last.getLabel()));
        }
    }

    /** The legend row's width as XChart computes it: per entry its swatch, its text and padding. */
    static double width(XYChart chart) {
        XYStyler st = chart.getStyler();
        double w = st.getLegendPadding();
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (!s.isShowInLegend() || !s.isEnabled()) {
                continue;
            }
            // lines and steps show a stretch of line; areas and markers a box
            XYSeriesRenderStyle style = s.getXYSeriesRenderStyle();
            boolean line = style == XYSeriesRenderStyle.Line || style == XYSeriesRenderStyle.Step;
            double swatch = line ? st.getLegendSeriesLineLength() : BOX_PX;
            w += swatch + st.getLegendPadding() + textWidth(chart, s.getLabel()) + st.getLegendPadding();
        }
        return w;
    }

    private static double textWidth(XYChart chart, String label) {
        Font font = chart.getStyler().getLegendFont();
        double widest = 0;
        for (String line : label.split("\n")) {
            if (!line.isEmpty()) {
                widest = Math.max(widest, new TextLayout(line, font, FRC).getOutline(null).getBounds2D().getWidth());
            }
        }
        return widest;
    }

    /** "memory limit 512 MiB" becomes "memory limit\n512 MiB": broken at the space nearest the middle. */
    static String breakNearMiddle(String label) {
        int middle = label.length() / 2;
        int best = -1;
        for (int i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) {
            if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) {
                best = i;
            }
        }
        return label.substring(0, best) + "\n" + label.substring(best + 1);
    }
}
