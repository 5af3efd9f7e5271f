package dev.oomlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.search.SweepResult;
import dev.oomlab.view.HypothesisView;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the environment, every hypothesis with its verdict and each case's
 * expectation, prediction, observation and evidence (and the seed's observation beside it), and
 * the platform bug's measured capacities. Numbers are measured, never filled in.
 */
final class ReportJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** @param charts hypothesis id to the PNG file name written for it (may be empty) */
    static ObjectNode of(Environment env, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                         Map<String, String> charts) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("environment", environment(env));
        ObjectNode summary = root.putObject("summary");
        summary.put("hypotheses", hypotheses.size());
        summary.put("reproduceSeed", hypotheses.stream().filter(HypothesisResult::reproducesSeed).count());
        summary.put("cases", hypotheses.stream().mapToInt(h -> h.cases().size()).sum());
        summary.put("casesNotAsSeed", hypotheses.stream().mapToInt(h -> h.notAsSeed().size()).sum());
        summary.put("modelDisagreements", hypotheses.stream().mapToInt(h -> h.modelDisagreements().size()).sum());
        ArrayNode list = root.putArray("hypotheses");
        for (HypothesisResult h : hypotheses) {
            list.add(hypothesis(h, charts.get(h.hypothesis().id())));
        }
        if (bug == null) {
            root.putNull("platformBug");
        } else {
            root.set("platformBug", platformBug(bug));
        }
        return root;
    }

    static ObjectNode environment(Environment e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kernel", e.kernel());
        n.put("cgroupVersion", e.cgroupVersion());
        n.put("dockerVersion", e.dockerVersion());
        n.put("dockerApiVersion", e.dockerApiVersion());
        n.put("runtime", e.runtime());
        n.put("os", e.os());
        n.put("architecture", e.architecture());
        putMib(n, "hostMemoryMiB", e.hostMemoryBytes());
        putMib(n, "hostSwapMiB", e.hostSwapBytes());
        n.put("description", e.describe());
        return n;
    }

    private static ObjectNode hypothesis(HypothesisResult h, String chart) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", h.hypothesis().id());
        n.put("claim", h.hypothesis().claim());
        if (h.hypothesis().title() != null) {
            n.put("title", h.hypothesis().title());
        }
        n.put("limits", h.hypothesis().base().limitsText());
        n.put("verdict", h.verdict().name());
        n.put("seedVerdict", h.seedVerdict() == null ? null : h.seedVerdict().name());
        n.put("reproducesSeed", h.reproducesSeed());
        HypothesisView.decidingCase(h).ifPresent(c -> n.put("decidingCase", c.testCase().name()));
        if (chart != null) {
            n.put("chart", chart);
        }
        ArrayNode cases = n.putArray("cases");
        for (CaseResult c : h.cases()) {
            cases.add(caseNode(c));
        }
        return n;
    }

    private static ObjectNode caseNode(CaseResult c) {
        Result r = c.result();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", c.testCase().name());
        n.put("steps", r.scenario().stepsText());
        n.put("limits", r.scenario().limitsText());
        n.put("expectedIfTrue", name(c.testCase().ifTrue()));
        n.put("expectedIfFalse", name(c.testCase().ifFalse()));
        n.put("predicted", name(c.predicted()));
        n.put("predictionReason", c.prediction().reason());
        n.put("observed", name(c.observed()));
        n.put("seedObserved", name(c.testCase().seedObserved()));
        n.put("matchesSeed", c.matchesSeed());
        n.put("modelAgrees", c.modelAgrees());
        if (r.exitCode() == null) {
            n.putNull("exitCode");
        } else {
            n.put("exitCode", r.exitCode());
        }
        n.put("oomKilled", r.oomKilled());
        if (r.peakBytes() < 0) {
            n.putNull("peakMiB");
        } else {
            n.put("peakMiB", Math.round(r.peakMib() * 10) / 10.0);
        }
        putCount(n, "failcnt", r.failcnt());
        putCount(n, "oomKillCount", r.oomKillCount());
        n.put("durationSeconds", r.duration().toMillis() / 1000.0);
        r.stoppedAt().ifPresentOrElse(p -> n.put("stoppedAt", (p.index() + 1) + ". " + p.describe()),
                () -> n.putNull("stoppedAt"));
        n.put("detail", r.detail());
        n.put("runId", r.runId());
        return n;
    }

    private static ObjectNode platformBug(PlatformBugResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("requestedMiB", r.bug().requestedMib());
        n.put("shmMiB", r.bug().shmMib());
        n.put("shmUsedMiB", r.bug().shmUsedMib());
        n.put("asIsLimits", r.asIs().base().limitsText());
        n.put("toBeLimits", r.toBe().base().limitsText());
        n.put("asIsMaxRamMiB", r.asIs().mib());
        n.put("toBeMaxRamMiB", r.toBe().mib());
        n.put("lostMiB", r.lostMib());
        n.set("asIs", boundary(r.asIs()));
        n.set("toBe", boundary(r.toBe()));
        n.put("runs", r.runs());
        ArrayNode curves = n.putArray("curves");
        for (SweepResult s : r.curves()) {
            curves.add(sweep(s));
        }
        return n;
    }

    static ObjectNode boundary(Boundary b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", b.kind().name());
        n.put("limits", b.base().limitsText());
        n.put("steps", b.base().stepsText());
        n.put("maxMiB", b.mib());
        if (b.failMib() < 0) {
            n.putNull("firstFailingMiB");
        } else {
            n.put("firstFailingMiB", b.failMib());
        }
        n.put("modelMiB", b.predictedMib());
        n.put("bracketed", b.bracketed());
        n.put("runs", b.runs());
        n.put("note", b.note());
        return n;
    }

    static ObjectNode sweep(SweepResult s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", s.name());
        n.put("parameter", s.parameter());
        n.put("measure", s.measure());
        if (s.isCapacity() && !Double.isNaN(s.slope())) {
            n.put("slope", s.slope());
        }
        ArrayNode points = n.putArray("points");
        for (SweepPoint p : s.points()) {
            ObjectNode q = points.addObject();
            q.put("x", p.x());
            if (p.boundary() != null) {
                q.put("y", p.boundary().mib());
                q.put("model", p.boundary().predictedMib());
                q.put("bracketed", p.boundary().bracketed());
            } else {
                q.put("outcome", name(p.outcome()));
                q.put("predicted", name(p.result().predicted()));
            }
        }
        return n;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write results.json", e);
        }
    }

    private static String name(Outcome o) {
        return o == null ? null : o.name();
    }

    private static void putMib(ObjectNode n, String field, long bytes) {
        if (bytes < 0) {
            n.putNull(field);
        } else {
            n.put(field, bytes >> 20);
        }
    }

    private static void putCount(ObjectNode n, String field, long count) {
        if (count < 0) {
            n.putNull(field);
        } else {
            n.put(field, count);
        }
    }
}
