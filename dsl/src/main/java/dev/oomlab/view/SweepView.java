package dev.oomlab.view;

import dev.oomlab.display.Png;
import static j2html.TagCreator.b;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.text;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.search.SweepResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A sweep as its chart and its table; several capacity sweeps on one chart, side by side. */
public final class SweepView {

    private SweepView() {
    }

    /** What {@code SweepResult.mimeBundle()} should return. */
    public static MimeBundle bundle(SweepResult sweep) {
        Objects.requireNonNull(sweep, "sweep");
        return MimeBundle.text(sweep.toString()).with(MimeBundle.HTML, html(List.of(sweep)));
    }

    /** Capacity sweeps compared (AS-IS beside TO-BE): one chart, then each sweep's table. */
    public static MimeBundle bundle(List<SweepResult> sweeps) {
        Objects.requireNonNull(sweeps, "sweeps");
        StringBuilder text = new StringBuilder();
        sweeps.forEach(s -> text.append(s).append('\n'));
        return MimeBundle.text(text.toString().stripTrailing()).with(MimeBundle.HTML, html(sweeps));
    }

    static String html(List<SweepResult> sweeps) {
        if (sweeps.isEmpty()) {
            return div("no sweep").render();
        }
        boolean capacity = sweeps.stream().allMatch(SweepResult::isCapacity);
        return Html.card("#2563eb", 900,
                each(sweeps, s -> div(b(s.name()), text(": " + s.measure() + " against " + s.parameter() + ", "
                        + s.points().size() + " points, " + s.runs() + " runs"
                        + (s.isCapacity() ? String.format(Locale.ROOT, ", slope %.3f", s.slope()) : "")))),
                capacity ? Html.img(Png.of(Charts.capacity(sweeps)), "capacity curves")
                        : each(sweeps.stream().filter(s -> !s.points().isEmpty())
                                .map(s -> (j2html.tags.DomContent) Html.img(Png.of(Charts.sweep(s)), s.name()))),
                each(sweeps, s -> Html.table(Tables.sweep(s), true)))
                .render();
    }
}
