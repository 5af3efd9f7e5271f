package dev.oomlab.view;

import dev.oomlab.display.TableHtml;
import dev.oomlab.result.Outcome;

/**
 * Small pieces of self-contained HTML (inline styles, no scripts, escaped text) that read well
 * in JupyterLab, the classic Notebook and nbconvert output, on light and dark themes: text keeps
 * the theme's colour, only badges and bars carry their own.
 */
public final class Html {

    /** Borders and tracks: a grey that shows on white and on near-black alike. */
    static final String LINE = "rgba(128,128,128,0.45)";
    static final String TRACK = "rgba(128,128,128,0.22)";
    static final String FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
    static final String WARN = "#dc2626";

    private Html() {
    }

    public static String esc(Object text) {
        return TableHtml.escape(text == null ? "" : String.valueOf(text));
    }

    /** An outcome as a coloured pill; "none" in grey when null. */
    public static String badge(Outcome outcome) {
        return badge(outcome == null ? "none" : outcome.name(), OutcomeColors.hex(outcome));
    }

    public static String badge(String text, String color) {
        return "<span style=\"display:inline-block;padding:1px 8px;border-radius:10px;background:" + color
                + ";color:#fff;font-weight:600;font-size:0.85em;letter-spacing:0.02em;white-space:nowrap\">"
                + esc(text) + "</span>";
    }

    /** A horizontal bar, {@code fraction} (0..1) filled. */
    static String bar(double fraction, String color, int widthPx) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return "<span style=\"display:inline-block;vertical-align:middle;width:" + widthPx
                + "px;height:10px;border-radius:5px;background:" + TRACK + ";overflow:hidden\">"
                + "<span style=\"display:block;height:100%;width:" + String.format(java.util.Locale.ROOT, "%.1f", f * 100)
                + "%;background:" + color + "\"></span></span>";
    }

    /** A label and a value, side by side, for a row of facts. */
    static String fact(String label, String valueHtml) {
        return "<span style=\"display:inline-block;margin:0 18px 4px 0;white-space:nowrap\">"
                + "<span style=\"opacity:0.7\">" + esc(label) + "</span> " + valueHtml + "</span>";
    }

    /** An embedded PNG, scaled to the cell's width. */
    static String img(String base64Png, String alt) {
        return "<img style=\"max-width:100%;height:auto;display:block;margin-top:8px;border-radius:4px\" alt=\""
                + esc(alt) + "\" src=\"data:image/png;base64," + base64Png + "\">";
    }

    /** A plain table cell style that overrides JupyterLab's right-aligned, striped defaults. */
    static final String TD = "padding:3px 8px;text-align:left;border-bottom:1px solid " + LINE + ";vertical-align:middle";
    static final String TH = "padding:4px 8px;text-align:left;border-bottom:2px solid " + LINE + ";font-weight:600";
}
