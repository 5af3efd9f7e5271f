package dev.oomlab.run;

import dev.oomlab.probe.FsStat;
import dev.oomlab.probe.ProcessReport;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Reclaim;
import dev.oomlab.result.Result;
import dev.oomlab.result.StepProgress;
import dev.oomlab.spec.ScenarioSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured run as a {@link ResultStore} file holds it: where and what ran (host, the
 * scenario's key and text, run id, container) and what was observed, everything a {@link Result}
 * needs but the scenario itself, which the caller brings (its key is equal).
 */
public record StoredResult(String host, String scenarioKey, String scenario, String runId, String container,
                           Outcome outcome, String detail, Integer exitCode, boolean oomKilled, List<StepDone> steps,
                           List<Sample> samples, long peakBytes, long failcnt, long oomKillCount, long durationMillis,
                           Environment environment, List<String> output, Sample exitReport, long touchedBytes,
                           List<String> warnings, List<FsStat> filesystems, List<ProcessReport> processes,
                           Reclaim reclaim) {

    /** How far one step got. */
    public record StepDone(long doneBytes, boolean completed, boolean started) {
    }

    static StoredResult of(String host, String scenarioKey, Result r) {
        return new StoredResult(host, scenarioKey, r.scenario().toString(), r.runId(), r.container(), r.outcome(),
                r.detail(), r.exitCode(), r.oomKilled(),
                r.steps().stream().map(p -> new StepDone(p.doneBytes(), p.completed(), p.started())).toList(),
                r.samples(), r.peakBytes(), r.failcnt(), r.oomKillCount(), r.duration().toMillis(), r.environment(),
                r.output(), r.exitReport(), r.touchedBytes(), r.warnings(), r.filesystems(), r.processes(),
                r.reclaim());
    }

    /** The result for {@code scenario}, whose key is this one's. */
    Result toResult(ScenarioSpec scenario) {
        List<StepProgress> progress = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDone d = steps.get(i);
            progress.add(new StepProgress(i, scenario.steps().get(i), d.doneBytes(), d.completed(), d.started()));
        }
        return Result.builder(scenario).outcome(outcome, detail).exitCode(exitCode).oomKilled(oomKilled)
                .steps(progress).samples(samples).counters(peakBytes, failcnt, oomKillCount)
                .duration(Duration.ofMillis(durationMillis)).environment(environment).runId(runId).container(container)
                .output(output).exitReport(exitReport).touchedBytes(touchedBytes)
                .warnings(warnings == null ? List.of() : warnings)
                .filesystems(filesystems == null ? List.of() : filesystems)
                .processes(processes == null ? List.of() : processes).reclaim(reclaim).build();
    }

    public double durationSeconds() {
        return durationMillis / 1000.0;
    }
}
