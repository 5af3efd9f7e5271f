package dev.oomlab.report;

import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Environment;
import dev.oomlab.view.Html;
import dev.oomlab.view.HypothesisView;
import dev.oomlab.view.PlatformBugView;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page (no scripts, images beside it) with the verdicts,
 * the platform bug, each hypothesis' table and deciding chart, the environment and the links.
 */
final class IndexPage {

    private IndexPage() {
    }

    /**
     * @param charts       hypothesis id to its PNG's file name
     * @param bugChart     the platform bug's PNG file name, or null
     * @param notebooks    links to executed notebooks, relative to the report where possible
     */
    static String html(Environment env, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                       Map<String, String> charts, String bugChart, List<String> notebooks) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>oomlab report</title></head>\n<body style=\"margin:24px auto;max-width:1120px;padding:0 16px;")
                .append("font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px\">\n");
        h.append("<h1 style=\"margin-bottom:4px\">oomlab: the seed study, reproduced</h1>\n");
        h.append("<div style=\"opacity:0.75;margin-bottom:12px\">on ").append(Html.esc(env.describe())).append("</div>\n");
        summary(h, hypotheses);
        verdicts(h, hypotheses);
        if (bug != null) {
            h.append("<h2 id=\"platform-bug\">The platform bug: AS-IS against TO-BE</h2>\n")
                    .append(PlatformBugView.html(bug, bugChart == null ? "" : img(bugChart, "platform bug capacities")))
                    .append('\n');
        }
        h.append("<h2>Hypotheses</h2>\n");
        for (HypothesisResult r : hypotheses) {
            String id = r.hypothesis().id();
            String chart = charts.get(id);
            String inner = chart == null ? "" : HypothesisView.decidingCase(r)
                    .map(c -> HypothesisView.decidingCaption(c) + img(chart, "timeline of " + id)).orElse("");
            h.append("<section id=\"").append(Html.esc(anchor(id))).append("\" style=\"margin:18px 0\">")
                    .append(HypothesisView.html(r, inner));
            h.append("</section>\n");
        }
        h.append("<h2>Files</h2>\n<ul>")
                .append("<li><a href=\"results.json\">results.json</a>: environment, verdicts, every case</li>")
                .append("<li><a href=\"results.csv\">results.csv</a>: one row per case</li>");
        for (String nb : notebooks) {
            h.append("<li><a href=\"").append(Html.esc(nb)).append("\">").append(Html.esc(nb)).append("</a></li>");
        }
        h.append("</ul>\n");
        if (notebooks.isEmpty()) {
            h.append("<p style=\"opacity:0.7\">No executed notebook was given to this report.</p>\n");
        }
        h.append("<h2>Environment</h2>\n<table style=\"border-collapse:collapse\">");
        row(h, "kernel", env.kernel());
        row(h, "cgroup", "v" + env.cgroupVersion());
        row(h, "Docker", env.dockerVersion() + " (API " + env.dockerApiVersion() + ")");
        row(h, "runtime", env.runtime());
        row(h, "OS", env.os() + ", " + env.architecture());
        row(h, "host memory", (env.hostMemoryBytes() >> 20) + " MiB, swap " + (env.hostSwapBytes() >> 20) + " MiB");
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, List<HypothesisResult> hypotheses) {
        long asSeed = hypotheses.stream().filter(HypothesisResult::reproducesSeed).count();
        int cases = hypotheses.stream().mapToInt(r -> r.cases().size()).sum();
        int mismatches = hypotheses.stream().mapToInt(r -> r.notAsSeed().size()).sum();
        int disagree = hypotheses.stream().mapToInt(r -> r.modelDisagreements().size()).sum();
        h.append("<p style=\"font-size:1.1em\"><b>").append(asSeed).append(" of ").append(hypotheses.size())
                .append("</b> hypotheses reproduce the seed; ").append(cases).append(" cases, <b>")
                .append(mismatches).append("</b> observed otherwise than the seed, <b>").append(disagree)
                .append("</b> where the kernel and the limit model disagree.");
        if (mismatches > 0 || disagree > 0) {
            h.append(" ").append(Html.badge("SEE THE MARKED CASES", "#dc2626"));
        }
        h.append("</p>\n");
    }

    private static void verdicts(StringBuilder h, List<HypothesisResult> hypotheses) {
        String th = Html.TH;
        String td = Html.TD;
        h.append("<h2>Verdicts</h2>\n<table style=\"border-collapse:collapse\"><thead><tr>");
        for (String c : List.of("id", "claim", "verdict", "seed", "cases", "not as seed", "model disagrees")) {
            h.append("<th style=\"").append(th).append("\">").append(c).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (HypothesisResult r : hypotheses) {
            String id = r.hypothesis().id();
            h.append("<tr><td style=\"").append(td).append("\"><a href=\"#").append(Html.esc(anchor(id))).append("\">")
                    .append(Html.esc(id)).append("</a></td>")
                    .append("<td style=\"").append(td).append("\">").append(Html.esc(r.hypothesis().claim())).append("</td>")
                    .append("<td style=\"").append(td).append("\">").append(HypothesisView.verdictBadge(r.verdict())).append("</td>")
                    .append("<td style=\"").append(td).append("\">")
                    .append(r.seedVerdict() == null ? "" : Html.esc(r.seedVerdict().name())).append("</td>")
                    .append("<td style=\"").append(td).append("\">").append(r.cases().size()).append("</td>")
                    .append("<td style=\"").append(td).append("\">").append(warn(r.notAsSeed().size())).append("</td>")
                    .append("<td style=\"").append(td).append("\">").append(warn(r.modelDisagreements().size()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static String warn(int n) {
        return n == 0 ? "0" : "<b style=\"color:#dc2626\">" + n + "</b>";
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><td style=\"padding:2px 12px 2px 0;opacity:0.7\">").append(Html.esc(label))
                .append("</td><td style=\"padding:2px 0\">").append(Html.esc(value)).append("</td></tr>");
    }

    private static String img(String file, String alt) {
        return "<img src=\"" + Html.esc(file) + "\" alt=\"" + Html.esc(alt)
                + "\" width=\"800\" style=\"max-width:100%;height:auto;display:block;margin-top:8px;border-radius:4px\">";
    }

    static String anchor(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
