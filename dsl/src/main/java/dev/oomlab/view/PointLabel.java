package dev.oomlab.view;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A label for one data point: placed to the left of it, above or below where
 * the plot is emptier, on a white box, and kept inside
 * the plot, since XChart's own text annotation centres on the point and runs off the edge.
 */
final class PointLabel extends Annotation {

    private final String text;
    private final double x;
    private final double y;
    private final Color color;

    PointLabel(String text, double x, double y, Color color) {
        super(false);
        this.text = text;
        this.x = x;
        this.y = y;
        this.color = color;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(styler.getAnnotationTextFont());
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text);
        int h = fm.getHeight();
        int px = getXAxisScreenValue(x);
        int py = getYAxisScreenValue(y);
        // Screen y grows downwards: the plot's top is the y axis' "min" screen value.
        int left = Math.max(getXAxisScreenValueForMin() + 4, Math.min(px - w - 12, getXAxisScreenValueForMax() - w - 8));
        int plotTop = getYAxisScreenValueForMin();
        int plotBottom = getYAxisScreenValueForMax();
        // Above the point when it sits in the lower half (the empty space is up there), else below.
        boolean above = py > (plotTop + plotBottom) / 2;
        int top = above ? Math.max(plotTop + 4, py - h - 12) : Math.min(plotBottom - h - 6, py + 10);
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(left - 4, top, w + 8, h + 2);
        g.setColor(color);
        g.setStroke(new java.awt.BasicStroke(1f));
        g.drawRect(left - 4, top, w + 8, h + 2);
        g.drawString(text, left, top + fm.getAscent() + 1);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        bounds = new Rectangle2D.Double(left - 4, top, w + 8, h + 2);
    }
}
