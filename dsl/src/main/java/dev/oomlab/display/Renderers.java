package dev.oomlab.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Turns any value into a {@link MimeBundle}: oomlab's own values, Tablesaw tables and XChart
 * charts richly, everything else as text. One place, so the kernel, reports and jshell agree.
 */
public final class Renderers {

    private Renderers() {
    }

    public static MimeBundle render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Displayable displayable) {
            return displayable.mimeBundle();
        }
        if (value instanceof Table table) {
            return MimeBundle.text(table.printAll()).with(MimeBundle.HTML, TableHtml.render(table));
        }
        if (value instanceof Chart<?, ?> chart) {
            return MimeBundle.text(chart.getTitle() == null ? "chart" : "chart: " + chart.getTitle())
                    .with(MimeBundle.PNG, pngBase64(chart));
        }
        return MimeBundle.text(String.valueOf(value));
    }

    /** True when {@link #render} gives more than plain text for this value. */
    public static boolean isRich(Object value) {
        return value instanceof MimeBundle || value instanceof Displayable
                || value instanceof Table || value instanceof Chart<?, ?>;
    }

    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }
}
