package dev.oomlab.view;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.hypothesis.Case;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.Verdict;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A hypothesis run as its verdict table, in the seed's shape: each case with what the
 * hypothesis expects if true and if false, the model, what the kernel did and its evidence, and
 * the seed's own observation; a case that differs from the seed, or from the model, stands out.
 */
public final class HypothesisView {

    private HypothesisView() {
    }

    /** What {@code HypothesisResult.mimeBundle()} should return. */
    public static MimeBundle bundle(HypothesisResult h) {
        Objects.requireNonNull(h, "hypothesis result");
        return MimeBundle.text(h.toString()).with(MimeBundle.HTML, html(h, false));
    }

    /** The same with the deciding case's timeline below the table. */
    public static MimeBundle bundleWithChart(HypothesisResult h) {
        Objects.requireNonNull(h, "hypothesis result");
        return MimeBundle.text(h.toString()).with(MimeBundle.HTML, html(h, true));
    }

    /**
     * The case that decides the verdict, whose timeline best shows it: for a rejected hypothesis
     * the first case observed as "if false" (the counter-example); for an inconclusive one the
     * first case that was not as "if true"; for a supported one the first case whose "if true"
     * and "if false" differ (the one that could have rejected it and did not). Failing those, the
     * first case.
     */
    public static Optional<CaseResult> decidingCase(HypothesisResult h) {
        List<CaseResult> cases = h.cases();
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        Optional<CaseResult> decisive = switch (h.verdict()) {
            case REJECTED -> cases.stream()
                    .filter(c -> c.observed() == c.testCase().ifFalse() && c.observed() != c.testCase().ifTrue())
                    .findFirst();
            case INCONCLUSIVE -> cases.stream().filter(c -> c.observed() != c.testCase().ifTrue()).findFirst();
            case SUPPORTED -> cases.stream().filter(c -> c.testCase().ifTrue() != c.testCase().ifFalse()).findFirst();
        };
        return Optional.of(decisive.orElse(cases.get(0)));
    }

    public static String html(HypothesisResult h, boolean withChart) {
        String chart = "";
        if (withChart) {
            chart = decidingCase(h).filter(c -> !c.result().samples().isEmpty())
                    .map(c -> decidingCaption(c) + Html.img(Png.base64(Png.of(Charts.timeline(c.result()))),
                            "timeline of " + c.testCase().name()))
                    .orElse("");
        }
        return html(h, chart);
    }

    /**
     * The card with {@code innerHtml} (trusted, already escaped: e.g. an {@code <img>} of a PNG
     * written beside a report) at its end.
     */
    public static String html(HypothesisResult h, String innerHtml) {
        StringBuilder s = new StringBuilder(Html.cardOpen(OutcomeColors.hex(OutcomeColors.of(h.verdict())), 1100));
        header(s, h);
        table(s, h);
        notes(s, h);
        s.append(innerHtml == null ? "" : innerHtml);
        return s.append("</div>").toString();
    }

    /** "deciding case: shm 800 + ram 1300", above its chart. */
    public static String decidingCaption(CaseResult c) {
        return "<div style=\"margin-top:8px;opacity:0.8\">deciding case: " + Html.esc(c.testCase().name()) + "</div>";
    }

    /** A verdict as a coloured pill. */
    public static String verdictBadge(Verdict v) {
        return Html.badge(v == null ? "none" : v.name(), OutcomeColors.hex(OutcomeColors.of(v)));
    }

    private static void header(StringBuilder s, HypothesisResult h) {
        s.append("<div style=\"margin-bottom:4px\"><span style=\"font-weight:700;font-size:1.1em\">")
                .append(Html.esc(h.hypothesis().id())).append("</span> ").append(verdictBadge(h.verdict()));
        if (h.seedVerdict() != null) {
            s.append(" <span style=\"opacity:0.75\">seed:</span> ").append(verdictBadge(h.seedVerdict()));
        }
        if (!h.reproducesSeed()) {
            s.append(" ").append(Html.badge("DIFFERS FROM THE SEED", Html.WARN));
        }
        s.append("</div><div style=\"font-size:1.02em\">").append(Html.esc(h.hypothesis().claim())).append("</div>");
        if (h.hypothesis().title() != null) {
            s.append("<div style=\"opacity:0.7;font-size:0.9em\">").append(Html.esc(h.hypothesis().title()))
                    .append("</div>");
        }
        s.append("<div style=\"opacity:0.8;margin:2px 0 6px\">limits: ")
                .append(Html.esc(h.hypothesis().base().limitsText())).append("</div>");
    }

    private static void table(StringBuilder s, HypothesisResult h) {
        s.append("<table style=\"border-collapse:collapse;margin:4px 0;font-size:0.92em\"><thead><tr>");
        for (String col : List.of("case", "if true", "if false", "model", "observed", "exit code", "OOMKilled",
                "peak MiB", "seed observed")) {
            s.append("<th style=\"").append(Html.TH).append("\">").append(Html.esc(col)).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (CaseResult c : h.cases()) {
            Case k = c.testCase();
            Result r = c.result();
            String rowStyle = c.matchesSeed() ? "" : "background:rgba(185,28,28,0.13)";
            s.append("<tr style=\"").append(rowStyle).append("\">");
            cell(s, Html.esc(k.name()));
            cell(s, plain(k.ifTrue(), c.observed()));
            cell(s, plain(k.ifFalse(), c.observed()));
            cell(s, Html.esc(c.predicted().name()) + (c.modelAgrees() ? ""
                    : " <span style=\"color:" + Html.WARN + ";font-weight:700\" title=\"the model disagrees\">\u2260</span>"));
            cell(s, Html.badge(c.observed()));
            cell(s, Html.esc(r.exitCode() == null ? "none" : r.exitCode()));
            cell(s, String.valueOf(r.oomKilled()));
            cell(s, r.peakBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", r.peakMib()));
            cell(s, k.seedObserved() == null ? "<span style=\"opacity:0.6\">none</span>"
                    : Html.esc(k.seedObserved().name()) + (c.matchesSeed() ? " \u2713"
                    : " <b style=\"color:" + Html.WARN + "\">MISMATCH</b>"));
            s.append("</tr>");
        }
        s.append("</tbody></table>");
    }

    /** An expected outcome, bold where the kernel did exactly that. */
    private static String plain(Outcome expected, Outcome observed) {
        return expected == observed ? "<b>" + Html.esc(expected.name()) + "</b>" : Html.esc(expected.name());
    }

    private static void cell(StringBuilder s, String html) {
        s.append("<td style=\"").append(Html.TD).append("\">").append(html).append("</td>");
    }

    private static void notes(StringBuilder s, HypothesisResult h) {
        for (CaseResult c : h.cases()) {
            String note = c.note();
            if (!note.isEmpty()) {
                s.append("<div style=\"font-size:0.9em;margin-top:2px\"><b>").append(Html.esc(c.testCase().name()))
                        .append(":</b> ").append(Html.esc(note)).append("</div>");
            }
        }
    }
}
