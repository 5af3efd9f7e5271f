package dev.oomlab.view;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Where each step began: a dotted vertical line and a small label at the top of the plot.
 * Labels that would overlap (a "free shm" is instant) drop to the next row.
 */
final class StepMarks extends Annotation {

    /** One step's start, in data coordinates. */
    record Mark(double x, String label) {
    }

    private static final Color INK = new Color(0x4b5563);
    private final List<Mark> marks;

    StepMarks(List<Mark> marks) {
        super(false);
        this.marks = List.copyOf(marks);
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible || marks.isEmpty()) {
            return;
        }
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(styler.getAnnotationTextFont().deriveFont(java.awt.Font.PLAIN, 11f));
        FontMetrics fm = g.getFontMetrics();
        int top = getYAxisScreenValueForMin();
        int bottom = getYAxisScreenValueForMax();
        int right = getXAxisScreenValueForMax();
        int[] rowEnds = new int[4];
        java.util.Arrays.fill(rowEnds, Integer.MIN_VALUE);
        for (Mark m : marks) {
            int px = getXAxisScreenValue(m.x());
            g.setColor(new Color(0x9ca3af));
            g.setStroke(ChartStyle.DOTTED);
            g.drawLine(px, top, px, bottom);
            int w = fm.stringWidth(m.label());
            int left = Math.min(px + 3, right - w - 3);
            int row = 0;
            while (row < rowEnds.length - 1 && rowEnds[row] > left) {
                row++;
            }
            rowEnds[row] = left + w + 6;
            int y = top + 3 + fm.getAscent() + row * (fm.getHeight() + 1);
            g.setColor(new Color(255, 255, 255, 200));
            g.fillRect(left - 1, y - fm.getAscent(), w + 2, fm.getHeight());
            g.setColor(INK);
            g.drawString(m.label(), left, y);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        bounds = new Rectangle2D.Double(getXAxisScreenValueForMin(), top, right - getXAxisScreenValueForMin(), bottom - top);
    }
}
