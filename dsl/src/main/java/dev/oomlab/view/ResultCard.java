package dev.oomlab.view;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.result.StepProgress;
import dev.oomlab.spec.Step;
import java.util.Locale;
import java.util.Objects;

/**
 * A result as a card: outcome badge, limits, each step with how far it got, the evidence (exit
 * code, OOMKilled, peak, failcnt), model against kernel, where it ran, and the timeline chart.
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
        String png = Png.base64(Png.of(Charts.timeline(result))); // drawn once, used twice
        return MimeBundle.text(result.toString()).with(MimeBundle.HTML, html(result, png))
                .with(MimeBundle.PNG, png);
    }

    /** The card alone, for pages that hold many (the report). */
    public static String html(Result result) {
        return html(result, true);
    }

    public static String html(Result result, boolean withChart) {
        return html(result, withChart && !result.samples().isEmpty()
                ? Png.base64(Png.of(Charts.timeline(result))) : null);
    }

    /** The card with an already drawn timeline PNG (base64), or none when null. */
    private static String html(Result result, String timelinePng) {
        StringBuilder h = new StringBuilder();
        h.append("<div style=\"").append(Html.FONT).append(";border:1px solid ").append(Html.LINE)
                .append(";border-left:6px solid ").append(OutcomeColors.hex(result.outcome()))
                .append(";border-radius:6px;padding:10px 14px;margin:4px 0;max-width:860px;line-height:1.45\">");
        header(h, result);
        facts(h, result);
        steps(h, result);
        model(h, result);
        h.append("<div style=\"opacity:0.65;font-size:0.85em;margin-top:6px\">on ")
                .append(Html.esc(result.environment().describe()));
        if (result.runId() != null) {
            h.append(" &middot; run ").append(Html.esc(result.runId()));
        }
        h.append("</div>");
        if (!result.output().isEmpty()) {
            h.append("<pre style=\"margin:6px 0 0;padding:6px;border:1px solid ").append(Html.LINE)
                    .append(";border-radius:4px;white-space:pre-wrap;font-size:0.85em\">")
                    .append(Html.esc(String.join("\n", result.output()))).append("</pre>");
        }
        if (timelinePng != null) {
            h.append(Html.img(timelinePng, "timeline: " + result.headline()));
        }
        return h.append("</div>").toString();
    }

    private static void header(StringBuilder h, Result r) {
        String title = r.scenario().name() != null ? r.scenario().name() : r.scenario().stepsText();
        h.append("<div style=\"margin-bottom:4px\">").append(Html.badge(r.outcome()))
                .append(" <span style=\"font-weight:600;font-size:1.05em\">").append(Html.esc(title)).append("</span>")
                .append("</div>");
        h.append("<div style=\"opacity:0.8;margin-bottom:6px\">").append(Html.esc(r.detail())).append("</div>");
    }

    private static void facts(StringBuilder h, Result r) {
        h.append("<div>").append(Html.fact("limits", Html.esc(r.scenario().limitsText()))).append("</div><div>");
        h.append(Html.fact("exit code", "<b>" + Html.esc(r.exitCode() == null ? "none" : r.exitCode()) + "</b>"));
        h.append(Html.fact("OOMKilled", "<b>" + r.oomKilled() + "</b>"));
        // Final when the probe's supervisor read the cgroup after its worker ended; otherwise (the
        // container was stopped from outside) they are the last sample's, lower bounds, and say so.
        String suffix = r.countersAreFinal() || r.outcome() == Outcome.OK ? "" : " at last sample";
        h.append(Html.fact("peak" + (r.countersAreFinal() ? "" : " sampled"), "<b>" + (r.peakBytes() < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f MiB", r.peakMib())) + "</b>"));
        h.append(Html.fact("failcnt" + suffix, r.failcnt() < 0 ? "n/a" : String.valueOf(r.failcnt())));
        if (r.oomKillCount() >= 0) {
            h.append(Html.fact("oom_kill" + suffix, String.valueOf(r.oomKillCount())));
        }
        h.append(Html.fact("duration", String.format(Locale.ROOT, "%.2f s", r.duration().toMillis() / 1000.0)));
        h.append("</div>");
    }

    private static void steps(StringBuilder h, Result r) {
        h.append("<div style=\"margin:4px 0\">");
        StepProgress stopped = r.stoppedAt().orElse(null);
        for (StepProgress p : r.steps()) {
            long target = p.step().targetBytes();
            double fraction = target == 0 ? (p.completed() ? 1 : 0) : p.doneBytes() / (double) target;
            h.append("<div style=\"white-space:nowrap\">")
                    .append("<span style=\"display:inline-block;min-width:120px\">").append(p.index() + 1).append(". ")
                    .append(Html.esc(p.step().label())).append("</span> ")
                    .append(Html.bar(fraction, stepColor(p.step()), BAR_PX)).append(" <span>")
                    .append(Html.esc(progressText(p))).append("</span>");
            if (p == stopped && r.outcome() != Outcome.OK) {
                h.append(" <span style=\"color:").append(OutcomeColors.hex(r.outcome()))
                        .append(";font-weight:600\">&larr; ").append(Html.esc(r.outcome().name())).append(" here</span>");
            }
            h.append("</div>");
        }
        h.append("</div>");
    }

    private static String progressText(StepProgress p) {
        if (!p.started()) {
            return "not reached";
        }
        if (p.step().targetBytes() == 0) {
            return p.completed() ? "done" : "started";
        }
        return String.format(Locale.ROOT, "%d / %d MiB%s", p.doneBytes() >> 20, p.step().targetBytes() >> 20,
                p.completed() ? " done" : "");
    }

    private static String stepColor(Step step) {
        if (step instanceof Step.AllocShm) {
            return OutcomeColors.hex(ChartStyle.SHM);
        }
        if (step instanceof Step.AllocRam) {
            return OutcomeColors.hex(ChartStyle.ANON);
        }
        return OutcomeColors.hex(ChartStyle.FILE);
    }

    private static void model(StringBuilder h, Result r) {
        if (r.predicted() == null) {
            return;
        }
        h.append("<div style=\"margin-top:4px\">").append(Html.fact("model", Html.badge(r.predicted())))
                .append(Html.fact("kernel", Html.badge(r.outcome())));
        if (r.disagreesWithModel()) {
            h.append(Html.badge("DISAGREES", Html.WARN))
                    .append(" <span>the kernel did not do what the limit model predicted</span>");
        } else {
            h.append("<span style=\"opacity:0.8\">agrees</span>");
        }
        h.append("</div>");
    }
}
