package dev.oomlab.view;

import static j2html.TagCreator.b;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.text;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.hypothesis.PlatformBugResult;
import j2html.tags.DomContent;
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
        return html(r, withChart ? Html.img(Charts.platformBugPng(r), "platform bug capacities") : null);
    }

    /** The card with {@code chart} (e.g. an image beside a report, or none when null) below the table. */
    public static String html(PlatformBugResult r, DomContent chart) {
        return Html.card(Html.WARN, 900,
                div(r.bug().toString()).withStyle("font-weight:600"),
                div(Html.fact("AS-IS max app RAM", b(r.asIs().mib() + " MiB")),
                        Html.fact("TO-BE max app RAM", b(r.toBe().mib() + " MiB")),
                        Html.fact("the subtraction costs", b(r.lostMib() + " MiB")),
                        Html.fact("runs", String.valueOf(r.runs()))).withStyle("margin:4px 0"),
                r.asIs().bracketed() && r.toBe().bracketed() ? null
                        : div(Html.badge("NOT BRACKETED", Html.WARN),
                                text(" " + (r.asIs().note() + " " + r.toBe().note()).trim())),
                Html.table(Tables.platformBug(r), false),
                chart,
                each(r.curves(), curve -> Html.table(Tables.sweep(curve), true)))
                .render();
    }
}
