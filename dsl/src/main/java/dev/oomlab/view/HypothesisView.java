package dev.oomlab.view;

import dev.oomlab.display.Png;
import static j2html.TagCreator.b;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.span;
import static j2html.TagCreator.text;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.Verdict;
import dev.oomlab.result.Outcome;
import j2html.tags.DomContent;
import j2html.tags.specialized.SpanTag;
import java.util.List;
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
                    .filter(c -> c.testCase().asIfFalse(c.result()) && !c.testCase().asIfTrue(c.result()))
                    .findFirst();
            case INCONCLUSIVE -> cases.stream().filter(c -> !c.testCase().asIfTrue(c.result())).findFirst();
            case SUPPORTED -> cases.stream().filter(c -> !c.testCase().ifTrueText().equals(c.testCase().ifFalseText()))
                    .findFirst();
            case CANNOT_RUN -> Optional.<CaseResult>empty();
        };
        return Optional.of(decisive.orElse(cases.get(0)));
    }

    public static String html(HypothesisResult h, boolean withChart) {
        DomContent chart = null;
        if (withChart) {
            chart = decidingCase(h).filter(c -> !c.result().samples().isEmpty())
                    .map(c -> each(decidingCaption(c),
                            Html.img(Png.of(Charts.timeline(c.result())), "timeline of " + c.testCase().name())))
                    .orElse(null);
        }
        return html(h, chart);
    }

    /** The card with {@code below} (e.g. the deciding case's chart, or an image beside a report) at its end. */
    public static String html(HypothesisResult h, DomContent below) {
        if (!h.ran()) {
            return Html.card(OutcomeColors.hex(OutcomeColors.of(h.verdict())), 1100, header(h),
                    cannotRun(h), below).render();
        }
        return Html.card(OutcomeColors.hex(OutcomeColors.of(h.verdict())), 1100,
                header(h), table(h), notes(h), below).render();
    }

    /** Why no case ran: what the hypothesis needs and what this host lacks. */
    private static DomContent cannotRun(HypothesisResult h) {
        return div(b("cannot run on this host:"), text(" " + h.cannotRunReason() + ". No container was started."))
                .withStyle("margin:4px 0");
    }

    /** "deciding case: shm 800 + ram 1300", above its chart. */
    public static DomContent decidingCaption(CaseResult c) {
        return div("deciding case: " + c.testCase().name()).withStyle("margin-top:8px;opacity:0.8");
    }

    /** A verdict as a coloured pill. */
    public static SpanTag verdictBadge(Verdict v) {
        return Html.badge(v == null ? "none" : v.label(), OutcomeColors.hex(OutcomeColors.of(v)));
    }

    private static DomContent header(HypothesisResult h) {
        return each(
                div(span(h.hypothesis().id()).withStyle("font-weight:700;font-size:1.1em"), text(" "),
                        verdictBadge(h.verdict()),
                        iff(h.seedVerdict() != null, each(text(" "), span("seed:").withStyle("opacity:0.75"), text(" "),
                                verdictBadge(h.seedVerdict()))),
                        iff(!h.reproducesSeed(), each(text(" "), Html.badge("DIFFERS FROM THE SEED", Html.WARN))))
                        .withStyle("margin-bottom:4px"),
                div(h.hypothesis().claim()).withStyle("font-size:1.02em"),
                iff(h.hypothesis().title() != null,
                        div(String.valueOf(h.hypothesis().title())).withStyle("opacity:0.7;font-size:0.9em")),
                div("limits: " + h.hypothesis().base().limitsText()).withStyle("opacity:0.8;margin:2px 0 6px"));
    }

    /** {@link Tables#hypothesis}, with the verdict's evidence marked where the eye should go. */
    private static DomContent table(HypothesisResult h) {
        List<CaseResult> cases = h.cases();
        return HtmlTable.of(Tables.hypothesis(h))
                .cell("if true", (row, plain) -> boldIfObserved(plain, cases.get(row)))
                .cell("if false", (row, plain) -> boldIfObserved(plain, cases.get(row)))
                .cell("model", (row, plain) -> each(text(plain), iff(!cases.get(row).modelAgrees(),
                        span(" \u2260").withStyle("color:" + Html.WARN + ";font-weight:700")
                                .withTitle("the model disagrees"))))
                .cell("observed", (row, plain) -> Html.badge(cases.get(row).observed()))
                .cell("exit code", (row, plain) -> text(plain.isEmpty() ? "none" : plain))
                .cell("peak MiB", (row, plain) -> text(plain.isEmpty() ? "n/a" : plain))
                .cell("seed observed", (row, plain) -> plain.isEmpty() ? span("none").withStyle("opacity:0.6")
                        : cases.get(row).matchesSeed() ? text(plain + " \u2713")
                        : each(text(plain + " "), b("MISMATCH").withStyle("color:" + Html.WARN)))
                .hide("matches seed")
                .rowStyle(row -> cases.get(row).matchesSeed() ? "" : "background:rgba(185,28,28,0.13)")
                .tag("border-collapse:collapse;margin:4px 0;font-size:0.92em");
    }

    /** An expected outcome, bold where the kernel did exactly that. */
    private static DomContent boldIfObserved(String expected, CaseResult c) {
        return c.observed() != null && (expected.equals(c.observed().name()) || expected.equals(c.testCase().ifTrueText())
                && c.testCase().asIfTrue(c.result()) || expected.equals(c.testCase().ifFalseText())
                && c.testCase().asIfFalse(c.result())) ? b(expected) : text(expected);
    }

    private static DomContent notes(HypothesisResult h) {
        return each(h.cases().stream().filter(c -> !c.note().isEmpty())
                .map(c -> (DomContent) div(b(c.testCase().name() + ":"), text(" " + c.note()))
                        .withStyle("font-size:0.9em;margin-top:2px")));
    }
}
