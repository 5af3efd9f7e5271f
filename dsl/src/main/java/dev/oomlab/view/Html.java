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
    static final String LINE = TableHtml.LINE;
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
                + "<span style=\"opacity:0.7\">" + esc(label) + "</span> " + valueHtml + "</span>"
                // where a front end strips inline styles (an untrusted notebook), facts would run
                // together: this separator shows only then
                + "<span style=\"display:none\"> | </span>";
    }

    /** An embedded PNG, scaled to the cell's width. */
    static String img(String base64Png, String alt) {
        return "<img style=\"max-width:100%;height:auto;display:block;margin-top:8px;border-radius:4px\" alt=\""
                + esc(alt) + "\" src=\"data:image/png;base64," + base64Png + "\">";
    }

    /** A Tablesaw table with inline styles, so it looks the same in every front end and page. */
    public static String table(tech.tablesaw.api.Table table) {
        return TableHtml.render(table);
    }

    /** The same, with or without the table's name as its caption. */
    public static String table(tech.tablesaw.api.Table table, boolean caption) {
        return TableHtml.render(table, caption);
    }

    /** A card: a bordered box with a coloured left edge. */
    static String cardOpen(String accentHex, int maxWidthPx) {
        return "<div style=\"" + FONT + ";border:1px solid " + LINE + ";border-left:6px solid " + accentHex
                + ";border-radius:6px;padding:10px 14px;margin:4px 0;max-width:" + maxWidthPx
                + "px;line-height:1.45\">";
    }

    public static final String TD = TableHtml.TD;
    public static final String TH = TableHtml.TH;
}
