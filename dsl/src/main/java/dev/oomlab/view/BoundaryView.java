package dev.oomlab.view;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.result.Outcome;
import dev.oomlab.search.Boundary;
import java.util.Objects;

/** A boundary search: the answer, how exact it is, the model's answer, and every run. */
public final class BoundaryView {

    private BoundaryView() {
    }

    /** What {@code Boundary.mimeBundle()} should return. */
    public static MimeBundle bundle(Boundary b) {
        Objects.requireNonNull(b, "boundary");
        return MimeBundle.text(b.toString()).with(MimeBundle.HTML, html(b));
    }

    static String html(Boundary b) {
        StringBuilder h = new StringBuilder(Html.cardOpen(b.bracketed() ? OutcomeColors.hex(Outcome.OK) : "#6b7280", 900));
        h.append("<div><span style=\"font-size:1.25em;font-weight:700\">").append(b.mib()).append(" MiB</span> ")
                .append("<span style=\"opacity:0.8\">").append(Html.esc(b.kind().label())).append(" that ends OK after [")
                .append(Html.esc(b.base().stepsText())).append("]</span></div>");
        h.append("<div>").append(Html.fact("limits", Html.esc(b.base().limitsText())));
        h.append(Html.fact("first failing", b.failMib() < 0 ? "none seen" : b.failMib() + " MiB"));
        h.append(Html.fact("model", b.predictedMib() + " MiB"));
        h.append(Html.fact("measured - model", (b.modelError() > 0 ? "+" : "") + b.modelError() + " MiB"));
        h.append(Html.fact("runs", String.valueOf(b.runs()))).append("</div>");
        if (b.bracketed()) {
            h.append("<div style=\"opacity:0.8\">exact to 1 MiB</div>");
        } else {
            h.append("<div>").append(Html.badge("NOT BRACKETED", Html.WARN)).append(" ").append(Html.esc(b.note()))
                    .append("</div>");
        }
        if (!b.results().isEmpty()) {
            h.append(Html.img(Png.base64(Png.of(Charts.boundary(b))), "boundary search runs"));
        }
        h.append(Html.table(Tables.boundary(b)));
        return h.append("</div>").toString();
    }
}
