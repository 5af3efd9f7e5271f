package dev.oomlab.view;

import dev.oomlab.display.Png;
import static j2html.TagCreator.each;
import j2html.TagCreator;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.span;

import dev.oomlab.display.TableHtml;
import dev.oomlab.result.Outcome;
import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.ImgTag;
import j2html.tags.specialized.SpanTag;
import java.util.Locale;

/**
 * The small pieces every view is built of, as j2html tags (text is escaped unless said
 * otherwise): self-contained HTML with inline styles and no scripts, so it reads well in
 * JupyterLab (which strips {@code <style>} from untrusted output), the classic Notebook and
 * nbconvert output, on light and dark themes: text keeps the theme's colour, only badges and bars
 * carry their own.
 */
public final class Html {

    /** Borders and tracks: a grey that shows on white and on near-black alike. */
    static final String LINE = TableHtml.LINE;
    static final String TRACK = "rgba(128,128,128,0.22)";
    static final String FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
    static final String WARN = "#dc2626";
    static final String MUTED = "opacity:0.7";

    private Html() {
    }

    /** An outcome as a coloured pill; "none" in grey when null. */
    public static SpanTag badge(Outcome outcome) {
        return badge(outcome == null ? "none" : outcome.name(), OutcomeColors.hex(outcome));
    }

    public static SpanTag badge(String text, String color) {
        return span(text).withStyle("display:inline-block;padding:1px 8px;border-radius:10px;background:" + color
                + ";color:#fff;font-weight:600;font-size:0.85em;letter-spacing:0.02em;white-space:nowrap");
    }

    /** A horizontal bar, {@code fraction} (0..1) filled. */
    static SpanTag bar(double fraction, String color, int widthPx) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return span(span().withStyle("display:block;height:100%;width:"
                + String.format(Locale.ROOT, "%.1f", f * 100) + "%;background:" + color))
                .withStyle("display:inline-block;vertical-align:middle;width:" + widthPx
                        + "px;height:10px;border-radius:5px;background:" + TRACK + ";overflow:hidden");
    }

    /** A label and a value, side by side, for a row of facts. */
    static DomContent fact(String label, DomContent value) {
        return each(
                span(span(label).withStyle(MUTED), rawHtml(" "), value)
                        .withStyle("display:inline-block;margin:0 18px 4px 0;white-space:nowrap"),
                // where a front end strips inline styles (an untrusted notebook), facts would run
                // together: this separator shows only then
                separator());
    }

    static DomContent fact(String label, String value) {
        return fact(label, span(value));
    }

    /** " | ", shown only where inline styles are stripped. */
    static SpanTag separator() {
        return span(" | ").withStyle("display:none");
    }

    /** An embedded PNG, scaled to the cell's width. */
    static ImgTag img(byte[] png, String alt) {
        return image("data:image/png;base64," + Png.base64(png), alt);
    }

    /** A PNG by its address (a file beside a page), scaled to the page's width. */
    public static ImgTag image(String src, String alt) {
        return TagCreator.img().withSrc(src).withAlt(alt)
                .withStyle("max-width:100%;height:auto;display:block;margin-top:8px;border-radius:4px");
    }

    /** A Tablesaw table with inline styles, so it looks the same in every front end and page. */
    static DomContent table(tech.tablesaw.api.Table table, boolean caption) {
        return rawHtml(TableHtml.render(table, caption)); // TableHtml escapes every cell itself
    }

    /** A card: a bordered box with a coloured left edge. */
    static DivTag card(String accentHex, int maxWidthPx, DomContent... content) {
        return j2html.TagCreator.div(content).withStyle(FONT + ";border:1px solid " + LINE + ";border-left:6px solid "
                + accentHex + ";border-radius:6px;padding:10px 14px;margin:4px 0;max-width:" + maxWidthPx
                + "px;line-height:1.45");
    }
}
