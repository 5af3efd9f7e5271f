package dev.oomlab.view;

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
            return "<div>no sweep</div>";
        }
        StringBuilder h = new StringBuilder(Html.cardOpen("#2563eb", 900));
        boolean capacity = sweeps.stream().allMatch(SweepResult::isCapacity);
        for (SweepResult s : sweeps) {
            h.append("<div><b>").append(Html.esc(s.name())).append("</b>: ").append(Html.esc(s.measure()))
                    .append(" against ").append(Html.esc(s.parameter())).append(", ").append(s.points().size())
                    .append(" points, ").append(s.runs()).append(" runs");
            if (s.isCapacity()) {
                h.append(String.format(Locale.ROOT, ", slope %.3f", s.slope()));
            }
            h.append("</div>");
        }
        if (capacity) {
            h.append(Html.img(Png.base64(Png.of(Charts.capacity(sweeps))), "capacity curves"));
        } else {
            for (SweepResult s : sweeps) {
                if (!s.points().isEmpty()) {
                    h.append(Html.img(Png.base64(Png.of(Charts.sweep(s))), s.name()));
                }
            }
        }
        for (SweepResult s : sweeps) {
            h.append(Html.table(Tables.sweep(s)));
        }
        return h.append("</div>").toString();
    }
}
