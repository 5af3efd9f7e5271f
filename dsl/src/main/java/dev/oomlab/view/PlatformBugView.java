package dev.oomlab.view;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.hypothesis.PlatformBugResult;
import java.util.Objects;

/** The platform bug measured: AS-IS beside TO-BE, the MiB the subtraction costs, the chart. */
public final class PlatformBugView {

    private PlatformBugView() {
    }

    /** What {@code PlatformBugResult.mimeBundle()} should return. */
    public static MimeBundle bundle(PlatformBugResult r) {
        Objects.requireNonNull(r, "platform bug result");
        return MimeBundle.text(r.toString()).with(MimeBundle.HTML, html(r, true));
    }

    public static String html(PlatformBugResult r, boolean withChart) {
        return html(r, withChart ? Html.img(Png.base64(Charts.platformBugPng(r)), "platform bug capacities") : "");
    }

    /** The card with {@code chartHtml} (trusted, e.g. an {@code <img>} of a PNG beside a report) below the table. */
    public static String html(PlatformBugResult r, String chartHtml) {
        StringBuilder h = new StringBuilder(Html.cardOpen(Html.WARN, 900));
        h.append("<div style=\"font-weight:600\">").append(Html.esc(r.bug().toString())).append("</div>");
        h.append("<div style=\"margin:4px 0\">")
                .append(Html.fact("AS-IS max app RAM", "<b>" + r.asIs().mib() + " MiB</b>"))
                .append(Html.fact("TO-BE max app RAM", "<b>" + r.toBe().mib() + " MiB</b>"))
                .append(Html.fact("the subtraction costs", "<b>" + r.lostMib() + " MiB</b>"))
                .append(Html.fact("runs", String.valueOf(r.runs()))).append("</div>");
        if (!r.asIs().bracketed() || !r.toBe().bracketed()) {
            h.append("<div>").append(Html.badge("NOT BRACKETED", Html.WARN)).append(" ")
                    .append(Html.esc((r.asIs().note() + " " + r.toBe().note()).trim())).append("</div>");
        }
        h.append(Html.table(Tables.platformBug(r), false));
        h.append(chartHtml == null ? "" : chartHtml);
        for (var curve : r.curves()) {
            h.append(Html.table(Tables.sweep(curve)));
        }
        return h.append("</div>").toString();
    }
}
