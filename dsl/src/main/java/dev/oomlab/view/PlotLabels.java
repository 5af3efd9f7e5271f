package dev.oomlab.view;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.XYChart;

/**
 * Labels on a chart's plot through XChart's public annotations, which are placed in data
 * coordinates and centred there: a label meant to sit beside a point is moved by its own size,
 * measured in pixels and turned into data units with the plot's approximate size.
 */
final class PlotLabels {

    /** One step's start, in data coordinates. */
    record Mark(double x, String label) {
    }

    /** The plot inside a chart of {@link ChartStyle#WIDTH} x {@link ChartStyle#HEIGHT}: axes, title and legend take the rest. */
    private static final double PLOT_WIDTH_PX = ChartStyle.WIDTH - 110;
    /** What a second y axis, on the right, takes from the plot's width. */
    private static final double RIGHT_AXIS_PX = 60;
    private static final double PLOT_HEIGHT_PX = ChartStyle.HEIGHT - 140;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final int ROWS = 4;

    private final XYChart chart;
    private final double plotWidthPx;
    private final double xPerPx;
    private final double yPerPx;
    private final double xMax;
    private final double yMax;

    /**
     * For a plot spanning x in [xMin, xMax] and y in [0, yMax]; narrower when a second y axis
     * stands on the right.
     */
    PlotLabels(XYChart chart, double xMin, double xMax, double yMax, boolean rightAxis) {
        this.chart = chart;
        this.plotWidthPx = PLOT_WIDTH_PX - (rightAxis ? RIGHT_AXIS_PX : 0);
        this.xPerPx = (xMax - xMin) / plotWidthPx;
        this.yPerPx = yMax / PLOT_HEIGHT_PX;
        this.xMax = xMax;
        this.yMax = yMax;
    }

    /**
     * A dotted vertical line where each step began, its label just right of the line at the top;
     * labels that would overlap (a "free shm" is instant) drop to the next row.
     */
    void steps(List<Mark> marks) {
        Font font = chart.getStyler().getAnnotationTextFont();
        double[] rowEnds = new double[ROWS];
        Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (Mark m : marks) {
            chart.addAnnotation(new AnnotationLine(m.x(), true, false));
            Rectangle2D size = font.getStringBounds(m.label(), FRC);
            double width = (size.getWidth() + 4) * xPerPx;
            double left = Math.min(m.x() + 3 * xPerPx, xMax - width);
            int row = 0;
            while (row < ROWS - 1 && rowEnds[row] > left) {
                row++;
            }
            rowEnds[row] = left + width + 3 * xPerPx;
            double centreY = yMax - (4 + size.getHeight() * (row + 0.5) + row) * yPerPx;
            chart.addAnnotation(new AnnotationText(m.label(), left + width / 2, centreY, false));
        }
    }

    /**
     * A boxed label for the point (x, y): left of it, above it when the point sits in the lower
     * half of the plot (the empty space is up there), else below; kept inside the plot.
     */
    void point(String text, double x, double y) {
        Font font = chart.getStyler().getAnnotationTextPanelFont();
        int padding = chart.getStyler().getAnnotationTextPanelPadding();
        Rectangle2D size = font.getStringBounds(text, FRC);
        double width = (size.getWidth() + 2 * padding) * xPerPx;
        double height = (size.getHeight() + 2 * padding) * yPerPx;
        double left = Math.max(x - width - 12 * xPerPx, xMax - plotWidthPx * xPerPx + 4 * xPerPx);
        left = Math.min(left, xMax - width - 8 * xPerPx);
        boolean above = y < yMax / 2;
        // The panel's (x, y) is its bottom-left corner.
        double bottom = above ? Math.min(y + 12 * yPerPx, yMax - height - 4 * yPerPx) : Math.max(y - 10 * yPerPx - height, 0);
        chart.addAnnotation(new AnnotationTextPanel(text, left, bottom, false));
    }
}
