package dev.oomlab.report;

import dev.oomlab.spec.Mib;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HostComparison;
import dev.oomlab.hypothesis.HostRun;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.result.HostFingerprint;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.hypothesis.Verdict;
import dev.oomlab.probe.FsStat;
import dev.oomlab.probe.ProcessReport;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.run.StoredResult;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.search.SweepResult;
import dev.oomlab.view.HypothesisView;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the environment, the totals, every hypothesis with its verdict and each
 * case's expectation, prediction, observation and evidence (and the seed's observation beside
 * it), and the platform bug's measured capacities. Numbers are measured, never filled in: what
 * was not measured is null. The records below are the file's shape, one record per object;
 * their component names are the JSON field names that consumers read.
 */
final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    /** @param charts hypothesis id to the PNG file name written for it (may be empty) */
    static String write(Environment env, Summary summary, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                        Map<String, String> charts, List<StoredResult> containers) {
        return write(env, summary, hypotheses, bug, charts, containers, List.of());
    }

    /** @param extended the extended hypotheses (E1…), written as "extendedHypotheses" */
    static String write(Environment env, Summary summary, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                        Map<String, String> charts, List<StoredResult> containers, List<HypothesisResult> extended) {
        return write(env, summary, hypotheses, bug, charts, containers, extended, null);
    }

    /** @param hosts the study on several hosts, written as "hosts"; null when it ran on one */
    static String write(Environment env, Summary summary, List<HypothesisResult> hypotheses, PlatformBugResult bug,
                        Map<String, String> charts, List<StoredResult> containers, List<HypothesisResult> extended,
                        HostComparison hosts) {
        Document doc = new Document(EnvironmentJson.of(env), summary,
                hypotheses.stream().map(h -> HypothesisJson.of(h, charts.get(h.hypothesis().id()))).toList(),
                bug == null ? null : PlatformBugJson.of(bug),
                extended.stream().map(h -> HypothesisJson.of(h, charts.get(h.hypothesis().id()))).toList(),
                containers.stream().map(ContainerJson::of).toList(), hosts == null ? null : HostsJson.of(hosts));
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write results.json", e);
        }
    }

    /** @param containers every container the job started, once each (reused results started none) */
    record Document(EnvironmentJson environment, Summary summary, List<HypothesisJson> hypotheses,
                    PlatformBugJson platformBug, List<HypothesisJson> extendedHypotheses,
                    List<ContainerJson> containers, @JsonInclude(JsonInclude.Include.NON_NULL) HostsJson hosts) {
    }

    /**
     * The study on several hosts: each host's fingerprint and verdicts, each case's outcome per
     * host (null where the host could not run it), and the cases whose outcome differs.
     */
    record HostsJson(List<String> names, List<HostJson> hosts, List<HostCaseJson> cases,
                     List<HostCaseJson> differences) {
        static HostsJson of(HostComparison c) {
            return new HostsJson(c.hostNames(), c.hosts().stream().map(HostJson::of).toList(),
                    c.rows().stream().map(HostCaseJson::of).toList(),
                    c.differences().stream().map(HostCaseJson::of).toList());
        }
    }

    /** @param cannotRun why each hypothesis this host could not run cannot run here, by id */
    record HostJson(String name, FingerprintJson fingerprint, Map<String, String> verdicts,
                    Map<String, String> cannotRun) {
        static HostJson of(HostRun r) {
            Map<String, String> verdicts = new java.util.LinkedHashMap<>();
            Map<String, String> cannotRun = new java.util.LinkedHashMap<>();
            r.hypotheses().forEach(h -> {
                verdicts.put(h.hypothesis().id(), nameOf(h.verdict()));
                if (!h.ran()) {
                    cannotRun.put(h.hypothesis().id(), h.cannotRunReason());
                }
            });
            return new HostJson(r.host(), FingerprintJson.of(r.fingerprint()), verdicts, cannotRun);
        }
    }

    record FingerprintJson(String kernel, int cgroupVersion, String dockerVersion, String storageDriver,
                           Long memoryMiB, Long swapMiB, String thp, String psi) {
        static FingerprintJson of(HostFingerprint f) {
            Environment e = f.environment();
            return new FingerprintJson(e.kernel(), e.cgroupVersion(), e.dockerVersion(), f.storageDriver(),
                    Mib.wholeOrNull(e.hostMemoryBytes()), Mib.wholeOrNull(f.swapBytes()), f.thp(), f.psi());
        }
    }

    record HostCaseJson(String hypothesis, String name, Map<String, String> outcomes, Map<String, Double> peakMiB,
                        boolean differs) {
        static HostCaseJson of(HostComparison.Row r) {
            Map<String, String> outcomes = new java.util.LinkedHashMap<>();
            Map<String, Double> peaks = new java.util.LinkedHashMap<>();
            r.outcomes().forEach((host, o) -> outcomes.put(host, nameOf(o)));
            r.results().forEach((host, res) -> peaks.put(host, res == null ? null : Mib.tenths(res.peakBytes())));
            return new HostCaseJson(r.hypothesis(), r.testCase(), outcomes, peaks, r.differs());
        }
    }

    /** @param scenarioKey what decides the run (limits and steps, not the name): one run per host and key */
    record ContainerJson(String runId, String container, String host, String scenario, String scenarioKey,
                         String outcome, double durationSeconds) {
        static ContainerJson of(StoredResult r) {
            return new ContainerJson(r.runId(), r.container(), r.host(), r.scenario(), r.scenarioKey(),
                    nameOf(r.outcome()), r.durationSeconds());
        }
    }

    record EnvironmentJson(String kernel, int cgroupVersion, String dockerVersion, String dockerApiVersion,
                           String runtime, String os, String architecture, Long hostMemoryMiB, Long hostSwapMiB,
                           String description) {
        static EnvironmentJson of(Environment e) {
            return new EnvironmentJson(e.kernel(), e.cgroupVersion(), e.dockerVersion(), e.dockerApiVersion(),
                    e.runtime(), e.os(), e.architecture(), Mib.wholeOrNull(e.hostMemoryBytes()),
                    Mib.wholeOrNull(e.hostSwapBytes()), e.describe());
        }
    }

    record HypothesisJson(String id, String claim, @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                          String limits, String verdict, String seedVerdict, boolean reproducesSeed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String decidingCase,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String chart, List<CaseJson> cases,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> hostNeeds,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String cannotRunOnThisHost) {
        static HypothesisJson of(HypothesisResult h, String chart) {
            return new HypothesisJson(h.hypothesis().id(), h.hypothesis().claim(), h.hypothesis().title(),
                    h.hypothesis().base().limitsText(), nameOf(h.verdict()), nameOf(h.seedVerdict()), h.reproducesSeed(),
                    HypothesisView.decidingCase(h).map(c -> c.testCase().name()).orElse(null), chart,
                    h.cases().stream().map(CaseJson::of).toList(),
                    h.hypothesis().needs().stream().map(n -> n.label()).toList(), h.cannotRunReason());
        }
    }

    record CaseJson(String name, String steps, String limits, String expectedIfTrue, String expectedIfFalse,
                    String predicted, String predictionReason, String observed, String seedObserved,
                    boolean matchesSeed, boolean modelAgrees, Integer exitCode, boolean oomKilled, Double peakMiB,
                    Long failcnt, Long oomKillCount, double durationSeconds, String stoppedAt, String detail,
                    String runId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StatfsJson> statfs,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> engineWarnings,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String killsIfTrue,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String killsIfFalse,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProcessJson> processes) {
        static CaseJson of(CaseResult c) {
            Result r = c.result();
            return new CaseJson(c.testCase().name(), r.scenario().stepsText(), r.scenario().limitsText(),
                    nameOf(c.testCase().ifTrue()), nameOf(c.testCase().ifFalse()), nameOf(c.predicted()),
                    c.prediction().reason(), nameOf(c.observed()), nameOf(c.testCase().seedObserved()), c.matchesSeed(),
                    c.modelAgrees(), r.exitCode(), r.oomKilled(), Mib.tenths(r.peakBytes()), count(r.failcnt()),
                    count(r.oomKillCount()), r.duration().toMillis() / 1000.0,
                    r.stoppedAt().map(p -> (p.index() + 1) + ". " + p.describe()).orElse(null), r.detail(),
                    r.runId(), r.filesystems().stream().map(StatfsJson::of).toList(), r.warnings(),
                    c.testCase().killsIfTrue(), c.testCase().killsIfFalse(),
                    r.processes().stream().map(ProcessJson::of).toList());
        }
    }

    /** How one process of several ended: killed (by which signal), exited or holding, and how far it got. */
    record ProcessJson(String name, int oomScoreAdj, String status, String signal, int exitCode, double doneMiB,
                       int stepsDone, long oomScore) {
        static ProcessJson of(ProcessReport p) {
            return new ProcessJson(p.name(), p.oomScoreAdj(), p.status(), p.signalName(), p.exitCode(),
                    Math.round(p.doneMib() * 10) / 10.0, p.stepsDone(), p.oomScore());
        }
    }

    /** What df shows inside, from the probe's statfs step. */
    record StatfsJson(String path, long sizeBytes, long availBytes) {
        static StatfsJson of(FsStat f) {
            return new StatfsJson(f.path(), f.sizeBytes(), f.availBytes());
        }
    }

    record PlatformBugJson(long requestedMiB, long shmMiB, long shmUsedMiB, String asIsLimits, String toBeLimits,
                           long asIsMaxRamMiB, long toBeMaxRamMiB, long lostMiB, BoundaryJson asIs, BoundaryJson toBe,
                           int runs, List<SweepJson> curves) {
        static PlatformBugJson of(PlatformBugResult r) {
            return new PlatformBugJson(r.bug().requestedMib(), r.bug().shmMib(), r.bug().shmUsedMib(),
                    r.asIs().base().limitsText(), r.toBe().base().limitsText(), r.asIs().mib(), r.toBe().mib(),
                    r.lostMib(), BoundaryJson.of(r.asIs()), BoundaryJson.of(r.toBe()), r.runs(),
                    r.curves().stream().map(SweepJson::of).toList());
        }
    }

    record BoundaryJson(String kind, String limits, String steps, long maxMiB, Long firstFailingMiB, long modelMiB,
                        boolean bracketed, int runs, String note, String method) {
        static BoundaryJson of(Boundary b) {
            return new BoundaryJson(b.kind().name(), b.base().limitsText(), b.base().stepsText(), b.mib(),
                    b.failMib() < 0 ? null : b.failMib(), b.predictedMib(), b.bracketed(), b.runs(), b.note(),
                    b.method());
        }
    }

    /** A slope only for a capacity sweep that has one. */
    record SweepJson(String name, String parameter, String measure,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Double slope, List<Point> points) {
        static SweepJson of(SweepResult s) {
            Double slope = s.isCapacity() && !Double.isNaN(s.slope()) ? s.slope() : null;
            return new SweepJson(s.name(), s.parameter(), s.measure(), slope,
                    s.points().stream().map(SweepJson::point).toList());
        }

        private static Point point(SweepPoint p) {
            Boundary b = p.boundary();
            return b != null ? new CapacityPoint(p.x(), b.mib(), b.predictedMib(), b.bracketed())
                    : new OutcomePoint(p.x(), nameOf(p.outcome()), nameOf(p.result().predicted()));
        }
    }

    /** A sweep's point: a measured capacity, or an outcome; Jackson writes each by its own record. */
    sealed interface Point permits CapacityPoint, OutcomePoint {
    }

    record CapacityPoint(long x, long y, long model, boolean bracketed) implements Point {
    }

    record OutcomePoint(long x, String outcome, String predicted) implements Point {
    }

    private static String nameOf(Outcome o) {
        return o == null ? null : o.name();
    }

    private static String nameOf(Verdict v) {
        return v == null ? null : v.name();
    }

    /** A counter the kernel does not offer (-1) is absent, not zero. */
    private static Long count(long value) {
        return value < 0 ? null : value;
    }
}
