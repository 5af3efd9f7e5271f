package dev.oomlab.view;

import dev.oomlab.display.Png;
import static j2html.TagCreator.div;
import static j2html.TagCreator.span;
import static j2html.TagCreator.text;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.result.Outcome;
import dev.oomlab.run.Boundary;
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
        return Html.card(b.bracketed() ? OutcomeColors.hex(Outcome.OK) : "#6b7280", 900,
                div(span(b.mib() + " MiB").withStyle("font-size:1.25em;font-weight:700"), text(" "),
                        span(b.kind().label() + " that ends OK after [" + b.base().stepsText() + "]")
                                .withStyle("opacity:0.8")),
                div(Html.fact("limits", b.base().limitsText()),
                        Html.fact("first failing", b.failMib() < 0 ? "none seen" : b.failMib() + " MiB"),
                        Html.fact("model", b.predictedMib() + " MiB"),
                        Html.fact("measured - model", (b.modelError() > 0 ? "+" : "") + b.modelError() + " MiB"),
                        Html.fact("runs", String.valueOf(b.runs())),
                        b.method().isEmpty() ? null : Html.fact("found", b.method())),
                b.bracketed() ? div("exact to 1 MiB").withStyle("opacity:0.8")
                        : div(Html.badge("NOT BRACKETED", Html.WARN), text(" " + b.note())),
                b.results().isEmpty() ? null : Html.img(Png.of(Charts.boundary(b)), "boundary search runs"),
                Html.table(Tables.boundary(b), true))
                .render();
    }
}
