package dev.oomlab.view;

import dev.oomlab.spec.Mib;
import dev.oomlab.display.Png;
import static j2html.TagCreator.b;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.iff;
import static j2html.TagCreator.pre;
import static j2html.TagCreator.span;
import static j2html.TagCreator.text;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.CgroupV2Figures;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.result.StepProgress;
import dev.oomlab.spec.Step;
import j2html.tags.DomContent;
import java.util.Locale;
import java.util.Objects;

/**
 * A result as a card: outcome badge, limits, each step with how far it got, the evidence (exit
 * code, OOMKilled, peak, failcnt; on cgroup v2 also memory.events and swap), model against
 * kernel, where it ran, and the timeline chart.
 */
public final class ResultCard {

    private static final int BAR_PX = 220;

    private ResultCard() {
    }

    public static MimeBundle bundle(Result result) {
        Objects.requireNonNull(result, "result");
        // The card embeds the timeline; the PNG alone is there too, for front ends and tools
        // that take images but not HTML.
        if (result.samples().isEmpty()) {
            return MimeBundle.text(result.toString()).with(MimeBundle.HTML, html(result, null));
        }
        byte[] png = Png.of(Charts.timeline(result)); // drawn once, used twice
        return MimeBundle.text(result.toString()).with(MimeBundle.HTML, html(result, png))
                .with(MimeBundle.PNG, Png.base64(png));
    }

    /** The card alone, for pages that hold many (the report). */
    public static String html(Result result) {
        return html(result, true);
    }

    public static String html(Result result, boolean withChart) {
        return html(result, withChart && !result.samples().isEmpty() ? Png.of(Charts.timeline(result)) : null);
    }

    /** The card with an already drawn timeline PNG, or none when null. */
    private static String html(Result r, byte[] timelinePng) {
        return Html.card(OutcomeColors.hex(r.outcome()), 860,
                header(r),
                facts(r),
                steps(r),
                engineSaid(r),
                model(r),
                div(iff(r.reused(), Html.badge("REUSED", "#6b7280")), text((r.reused() ? " " : "")
                        + r.provenance() + " \u00b7 on " + r.environment().describe()))
                        .withStyle("opacity:0.65;font-size:0.85em;margin-top:6px"),
                iff(!r.output().isEmpty(), pre(String.join("\n", r.output())).withStyle("margin:6px 0 0;padding:6px;"
                        + "border:1px solid " + Html.LINE + ";border-radius:4px;white-space:pre-wrap;font-size:0.85em")),
                timelinePng == null ? null : Html.img(timelinePng, "timeline: " + r.headline()))
                .render();
    }

    private static DomContent header(Result r) {
        String title = r.scenario().name() != null ? r.scenario().name() : r.scenario().stepsText();
        return each(
                div(Html.badge(r.outcome()), text(" "), span(title).withStyle("font-weight:600;font-size:1.05em"))
                        .withStyle("margin-bottom:4px"),
                div(r.detail() == null ? "" : r.detail()).withStyle("opacity:0.8;margin-bottom:6px"));
    }

    private static DomContent facts(Result r) {
        // Final when the probe's supervisor read the cgroup after its worker ended; otherwise (the
        // container was stopped from outside) they are the last sample's, lower bounds, and say so.
        String suffix = r.countersAreFinal() || r.outcome() == Outcome.OK ? "" : " at last sample";
        String setByLab = r.scenario().limits().cgroupV2().text();
        return each(
                div(Html.fact("limits", r.scenario().limitsText())),
                iff(!setByLab.isEmpty(), div(Html.fact("set by the lab", setByLab))),
                div(Html.fact("exit code", b(r.exitCode() == null ? "none" : String.valueOf(r.exitCode()))),
                        Html.fact("OOMKilled", b(String.valueOf(r.oomKilled()))),
                        Html.fact("peak" + (r.countersAreFinal() ? "" : " sampled"), b(Mib.text(r.peakBytes(), 1))),
                        Html.fact("failcnt" + suffix, r.failcnt() < 0 ? "n/a" : String.valueOf(r.failcnt())),
                        iff(r.oomKillCount() >= 0, Html.fact("oom_kill" + suffix, String.valueOf(r.oomKillCount()))),
                        Html.fact("duration", String.format(Locale.ROOT, "%.2f s", r.duration().toMillis() / 1000.0))),
                cgroupV2Facts(r, suffix));
    }

    /** memory.events and the swap in use, where the host reports them (cgroup v2); nothing on v1. */
    private static DomContent cgroupV2Facts(Result r, String suffix) {
        Sample last = CgroupV2Figures.lastReport(r);
        String events = last == null ? "" : CgroupV2Figures.eventsText(last);
        long swap = CgroupV2Figures.swapPeakBytes(r);
        if (events.isEmpty() && swap < 0) {
            return null;
        }
        return div(iff(!events.isEmpty(), Html.fact("memory.events" + suffix, events)),
                iff(swap >= 0, Html.fact("swap peak sampled", b(Mib.text(swap, 1)))));
    }

    /** What df showed inside (the probe's statfs steps) and what the engine warned on create. */
    private static DomContent engineSaid(Result r) {
        return each(
                each(r.filesystems(), f -> div(Html.fact("statfs " + f.path(), b(Mib.text(f.sizeBytes(), 0))),
                        Html.fact("available", Mib.text(f.availBytes(), 0)))),
                each(r.warnings(), w -> div(Html.fact("engine warning", w)).withStyle("color:" + Html.WARN)));
    }

    private static DomContent steps(Result r) {
        StepProgress stopped = r.stoppedAt().orElse(null);
        return div(each(r.steps(), p -> {
            long target = p.step().targetBytes();
            double fraction = target == 0 ? (p.completed() ? 1 : 0) : p.doneBytes() / (double) target;
            return div(
                    span((p.index() + 1) + ". " + p.step().label()).withStyle("display:inline-block;min-width:120px"),
                    text(" "), Html.bar(fraction, stepColor(p.step()), BAR_PX), text(" "), span(progressText(p)),
                    iff(p == stopped && r.outcome() != Outcome.OK,
                            span("\u2190 " + r.outcome().name() + " here").withStyle("color:"
                                    + OutcomeColors.hex(r.outcome()) + ";font-weight:600;margin-left:4px")))
                    .withStyle("white-space:nowrap");
        })).withStyle("margin:4px 0");
    }

    private static String progressText(StepProgress p) {
        if (!p.started()) {
            return "not reached";
        }
        if (p.step().targetBytes() == 0) {
            return p.completed() ? "done" : "started";
        }
        return Mib.whole(p.doneBytes()) + " / " + Mib.whole(p.step().targetBytes()) + " MiB"
                + (p.completed() ? " done" : "");
    }

    private static String stepColor(Step step) {
        if (step.allocatesShm()) {
            return OutcomeColors.hex(ChartStyle.SHM);
        }
        if (step.allocatesRam()) {
            return OutcomeColors.hex(ChartStyle.ANON);
        }
        return OutcomeColors.hex(ChartStyle.FILE);
    }

    private static DomContent model(Result r) {
        if (r.predicted() == null) {
            return null;
        }
        return div(Html.fact("model", Html.badge(r.predicted())), Html.fact("kernel", Html.badge(r.outcome())),
                r.disagreesWithModel()
                        ? each(Html.badge("DISAGREES", Html.WARN),
                                span(" the kernel did not do what the limit model predicted"))
                        : span("agrees").withStyle("opacity:0.8"))
                .withStyle("margin-top:4px");
    }
}
