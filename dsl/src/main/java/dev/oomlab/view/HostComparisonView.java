package dev.oomlab.view;

import static j2html.TagCreator.b;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h4;
import static j2html.TagCreator.p;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.display.TableHtml;
import dev.oomlab.hypothesis.HostComparison;
import dev.oomlab.hypothesis.HostRun;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import j2html.tags.DomContent;
import java.util.List;
import java.util.Objects;

/**
 * The same cases on several hosts: each host's fingerprint, one column per host with its outcome
 * (a case whose outcome differs between hosts stands out), and those cases again on their own.
 */
public final class HostComparisonView {

    private static final String DIFFERS = "background:rgba(220,38,38,0.12)";

    private HostComparisonView() {
    }

    /** What a {@link HostComparison} shows in a notebook. */
    public static MimeBundle bundle(HostComparison c) {
        Objects.requireNonNull(c, "comparison");
        return MimeBundle.text(c.toString()).with(MimeBundle.HTML, html(c).render());
    }

    public static DomContent html(HostComparison c) {
        List<HostComparison.Row> differences = c.differences();
        return div(
                h4("Each host's fingerprint"),
                fingerprints(c),
                h4("Each hypothesis on each host"),
                verdicts(c),
                h4("Each case on each host"),
                outcomes(c, c.rows()),
                h4("Cases whose outcome differs between hosts"),
                differences.isEmpty()
                        ? p("None: every case that ran on several hosts ended the same on each.").withStyle(Html.MUTED)
                        : outcomes(c, differences))
                .withStyle(Html.FONT);
    }

    /** Rows: kernel, cgroup, Docker, storage driver, memory, swap, THP, PSI; one column per host. */
    public static DomContent fingerprints(HostComparison c) {
        List<String> fields = List.copyOf(c.hosts().get(0).fingerprint().fields().keySet());
        return table(
                thead(tr(th("").withStyle(TableHtml.TH), each(c.hosts(), h -> th(h.host()).withStyle(TableHtml.TH)))),
                tbody(each(fields, f -> tr(td(f).withStyle(TableHtml.TD + ";" + Html.MUTED),
                        each(c.hosts(), h -> td(h.fingerprint().fields().get(f)).withStyle(TableHtml.TD))))))
                .withStyle("border-collapse:collapse");
    }

    /** One row per hypothesis, one column per host: its verdict there, or "cannot run" and why. */
    public static DomContent verdicts(HostComparison c) {
        List<HostRun> hosts = c.hosts();
        return table(
                thead(tr(th("id").withStyle(TableHtml.TH), th("claim").withStyle(TableHtml.TH),
                        each(hosts, h -> th(h.host()).withStyle(TableHtml.TH)))),
                tbody(each(c.verdicts(), v -> tr(td(v.hypothesis().id()).withStyle(TableHtml.TD),
                        td(v.hypothesis().claim()).withStyle(TableHtml.TD),
                        each(hosts, h -> td(verdictCell(v.byHost().get(h.host()))).withStyle(TableHtml.TD))))))
                .withStyle("border-collapse:collapse");
    }

    private static DomContent verdictCell(dev.oomlab.hypothesis.HypothesisResult r) {
        if (r == null) {
            return text("-");
        }
        return r.ran() ? b(String.valueOf(r.verdict()))
                : span(text("cannot run: "), span(r.cannotRunReason()).withStyle(Html.MUTED));
    }

    /** One row per case, one column per host with the outcome and the evidence's headline. */
    public static DomContent outcomes(HostComparison c, List<HostComparison.Row> rows) {
        List<HostRun> hosts = c.hosts();
        return table(
                thead(tr(th("id").withStyle(TableHtml.TH), th("case").withStyle(TableHtml.TH),
                        each(hosts, h -> th(h.host()).withStyle(TableHtml.TH)),
                        th("").withStyle(TableHtml.TH))),
                tbody(each(rows, r -> tr(td(r.hypothesis()).withStyle(TableHtml.TD),
                        td(r.testCase()).withStyle(TableHtml.TD),
                        each(hosts, h -> td(cell(r.outcomes().get(h.host()), r.results().get(h.host())))
                                .withStyle(TableHtml.TD)),
                        td(r.differs() ? b("differs").withStyle("color:" + Html.WARN) : text(""))
                                .withStyle(TableHtml.TD))
                        .withStyle(r.differs() ? DIFFERS : ""))))
                .withStyle("border-collapse:collapse");
    }

    private static DomContent cell(Outcome outcome, Result result) {
        if (result == null) {
            return span("cannot run there").withStyle(Html.MUTED);
        }
        String peak = result.peakBytes() >= 0 ? String.format(" peak %.0f MiB", result.peakMib()) : "";
        return div(Html.badge(outcome), text(peak));
    }
}
