package dev.oomlab.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The look all oomlab charts share: size, fonts, legend below the plot, light grid. */
final class ChartStyle {

    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    static final Color SHM = new Color(0x9333ea);
    static final Color ANON = new Color(0x2563eb);
    static final Color FILE = new Color(0x9ca3af);
    static final Color USAGE = new Color(0x111827);
    static final Color MEMORY_LIMIT = new Color(0xdc2626);
    static final Color MODEL = new Color(0x6b7280);
    static final Color SWAP = new Color(0x0d9488);
    static final Color MEMORY_HIGH = new Color(0xea580c);
    static final Color PRESSURE = new Color(0x65a30d);

    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    /** The same dash, shifted: drawn over {@link #DASHED} on the same value, both colours show. */
    static final BasicStroke DASHED_SHIFTED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6.5f, 6.5f}, 6.5f);
    static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(2f);

    private ChartStyle() {
    }

    static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    /** The shared look, for any axes chart. */
    static void style(org.knowm.xchart.style.AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xd1d5db));
        s.setPlotGridLinesColor(new Color(0xe5e7eb));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        // Text annotations label steps; the text panel labels one point, in that point's colour.
        s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAnnotationTextFontColor(new Color(0x4b5563));
        s.setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setAnnotationTextPanelBackgroundColor(new Color(255, 255, 255, 225));
        s.setAnnotationTextPanelPadding(3);
        s.setAnnotationLineColor(new Color(0x9ca3af));
        s.setAnnotationLineStroke(DOTTED);
        s.setMarkerSize(9);
        s.setAntiAlias(true);
    }

    /** One scatter series per outcome, in the outcome's colour: points are {x, y}. */
    static void outcomePoints(XYChart chart, java.util.Map<dev.oomlab.result.Outcome, java.util.List<double[]>> byOutcome) {
        byOutcome.forEach((outcome, pts) -> {
            org.knowm.xchart.XYSeries s = chart.addSeries(outcome.name(), pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
            s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            s.setMarkerColor(OutcomeColors.of(outcome));
        });
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
