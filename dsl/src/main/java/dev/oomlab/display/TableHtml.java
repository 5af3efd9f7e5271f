package dev.oomlab.display;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a self-contained HTML table: escaped, no scripts, inline styles, so it
 * looks the same in JupyterLab, the classic Notebook, nbconvert HTML and the report.
 */
public final class TableHtml {

    /** A grey that reads on light and dark themes. */
    public static final String LINE = "rgba(128,128,128,0.45)";
    /** Cell styles that override front ends' right-aligned, striped defaults. */
    public static final String TD = "padding:3px 8px;text-align:left;border-bottom:1px solid " + LINE + ";vertical-align:middle";
    public static final String TH = "padding:4px 8px;text-align:left;border-bottom:2px solid " + LINE + ";font-weight:600";

    private TableHtml() {
    }

    public static String render(Table table) {
        return render(table, true);
    }

    /** With or without the table's name as its caption. */
    public static String render(Table table, boolean caption) {
        StringBuilder h = new StringBuilder("<table style=\"border-collapse:collapse;margin:4px 0;font-size:0.92em\">");
        if (caption && table.name() != null && !table.name().isBlank()) {
            h.append("<caption style=\"caption-side:top;text-align:left;font-weight:600;padding:2px 0 4px\">")
                    .append(escape(table.name())).append("</caption>");
        }
        h.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            h.append("<th style=\"").append(TH).append("\">").append(escape(c.name())).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int row = 0; row < table.rowCount(); row++) {
            h.append("<tr>");
            for (Column<?> c : table.columns()) {
                h.append("<td style=\"").append(TD).append("\">").append(escape(c.getString(row))).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
