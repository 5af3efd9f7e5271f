package dev.oomlab.report;

import dev.oomlab.spec.Mib;
import static j2html.TagCreator.a;
import static j2html.TagCreator.b;
import static j2html.TagCreator.body;
import static j2html.TagCreator.div;
import static j2html.TagCreator.document;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.head;
import j2html.TagCreator;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.li;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.section;
import static j2html.TagCreator.table;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.title;
import static j2html.TagCreator.tr;
import static j2html.TagCreator.ul;

import dev.oomlab.hypothesis.HostComparison;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Environment;
import dev.oomlab.view.HostComparisonView;
import dev.oomlab.view.Html;
import dev.oomlab.view.HypothesisView;
import dev.oomlab.view.PlatformBugView;
import dev.oomlab.view.VerdictsView;
import j2html.tags.DomContent;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page (no scripts, images beside it) with the verdicts,
 * the platform bug, each hypothesis' table and deciding chart, the environment and the links.
 */
final class IndexPage {

    private static final String WARN = "#dc2626";

    private IndexPage() {
    }

    /**
     * @param charts       hypothesis id to its PNG's file name
     * @param bugChart     the platform bug's PNG file name, or null
     * @param notebooks    links to executed notebooks, relative to the report where possible
     */
    static String html(Environment env, Summary summary, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                       Map<String, String> charts, String bugChart, List<String> notebooks) {
        return html(env, summary, hypotheses, bug, charts, bugChart, notebooks, List.of(), null);
    }

    /** @param extended the extended hypotheses (E1…), in a section of their own after the seed's */
    static String html(Environment env, Summary summary, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                       Map<String, String> charts, String bugChart, List<String> notebooks,
                       List<HypothesisResult> extended, HostComparison hosts) {
        return document(TagCreator.html(
                head(meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        meta().withName("color-scheme").withContent("light dark"),
                        title("oomlab report")),
                body(
                        h1("oomlab: the seed study, reproduced").withStyle("margin-bottom:4px"),
                        div("on " + env.describe()).withStyle("opacity:0.75;margin-bottom:12px"),
                        summary(summary),
                        h2("Verdicts"),
                        VerdictsView.table(hypotheses, id -> "#" + anchor(id)),
                        hostsSection(hosts),
                        iff(bug != null, each(
                                h2("The platform bug: AS-IS against TO-BE").withId("platform-bug"),
                                bug == null ? null : rawHtml(PlatformBugView.html(bug,
                                        bugChart == null ? null : image(bugChart, "platform bug capacities"))))),
                        h2("Hypotheses"),
                        each(hypotheses, r -> hypothesis(r, charts.get(r.hypothesis().id()))),
                        extendedSection(extended, charts),
                        h2("Files"),
                        files(notebooks),
                        h2("Environment"),
                        environment(env))
                        .withStyle("margin:24px auto;max-width:1120px;padding:0 16px;font-family:-apple-system,"
                                + "BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px"))
                .withLang("en")) + "\n";
    }

    /** The study on several hosts: fingerprints, one column per host, the cases that differ. */
    private static DomContent hostsSection(HostComparison hosts) {
        if (hosts == null) {
            return null;
        }
        return section(h2("On " + hosts.hosts().size() + " hosts: " + String.join(", ", hosts.hostNames())),
                p("The verdicts above and the hypotheses below are the first host's (" + hosts.hostNames().get(0)
                        + "); here every hypothesis and every case on each host.").withStyle("opacity:0.8"),
                HostComparisonView.html(hosts)).withId("hosts");
    }

    private static DomContent summary(Summary s) {
        return p(b(s.reproduceSeed() + " of " + s.hypotheses()), text(" hypotheses reproduce the seed; "
                        + s.cases() + " cases, "), b(String.valueOf(s.notAsSeed())),
                text(" not as the seed observed them, "), b(String.valueOf(s.modelDisagreements())),
                text(" where the kernel and the limit model disagree."),
                iff(s.hasMarkedCases(), each(text(" "), Html.badge("SEE THE MARKED CASES", WARN))))
                .withStyle("font-size:1.1em");
    }

    private static DomContent hypothesis(HypothesisResult r, String chart) {
        String id = r.hypothesis().id();
        DomContent below = chart == null ? null : HypothesisView.decidingCase(r)
                .map(c -> each(HypothesisView.decidingCaption(c), image(chart, "timeline of " + id))).orElse(null);
        return section(rawHtml(HypothesisView.html(r, below))).withId(anchor(id)).withStyle("margin:18px 0");
    }

    /** The other seeds' claims: verdicts, or "cannot run on this host" and why, then each card. */
    private static DomContent extendedSection(List<HypothesisResult> extended, Map<String, String> charts) {
        if (extended.isEmpty()) {
            return null;
        }
        return each(
                h2("Extended hypotheses (seeds 001-004)").withId("extended"),
                p("Claims from the other seeds, each with its verdict on this host, or \"cannot run on this host\""
                        + " and the reason (no container was started for those).").withStyle("opacity:0.8"),
                VerdictsView.table(extended, id -> "#" + anchor(id)),
                each(extended, r -> hypothesis(r, charts.get(r.hypothesis().id()))));
    }

    private static DomContent files(List<String> notebooks) {
        return each(
                ul(li(a("results.json").withHref("results.json"), text(": environment, verdicts, every case")),
                        li(a("results.csv").withHref("results.csv"), text(": one row per case")),
                        each(notebooks, nb -> li(a(nb).withHref(nb)))),
                iff(notebooks.isEmpty(), p("No executed notebook was given to this report.").withStyle("opacity:0.7")));
    }

    private static DomContent environment(Environment env) {
        return table(
                row("kernel", env.kernel()),
                row("cgroup", "v" + env.cgroupVersion()),
                row("Docker", env.dockerVersion() + " (API " + env.dockerApiVersion() + ")"),
                row("runtime", env.runtime()),
                row("OS", env.os() + ", " + env.architecture()),
                row("host memory", Mib.whole(env.hostMemoryBytes()) + " MiB, swap " + Mib.whole(env.hostSwapBytes())
                        + " MiB"))
                .withStyle("border-collapse:collapse");
    }

    private static DomContent row(String label, String value) {
        return tr(td(label).withStyle("padding:2px 12px 2px 0;opacity:0.7"), td(value).withStyle("padding:2px 0"));
    }

    private static DomContent image(String file, String alt) {
        return Html.image(file, alt).attr("width", "800");
    }

    static String anchor(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
