package dev.oomlab.result;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Result} from an observation: step progress, peak and counters. */
public final class Results {

    private Results() {
    }

    public static Result from(ScenarioSpec scenario, Observation o, Environment env, String runId, String container) {
        Classification c = Classifier.classify(scenario, o);
        return Result.builder(scenario).outcome(c.outcome(), c.detail()).exitCode(o.exitCode())
                .oomKilled(o.oomKilled()).steps(progress(scenario, o)).samples(o.samples())
                .counters(peak(o), last(o, Sample::failcnt), last(o, Sample::oomKill)).duration(o.duration())
                .environment(env).runId(runId).container(container).output(o.output()).exitReport(o.exit())
                .warnings(o.warnings()).filesystems(o.probe().filesystems()).touchedBytes(o.touchedBytes())
                .processes(o.probe().processes()).reclaim(o.reclaim()).build();
    }

    static List<StepProgress> progress(ScenarioSpec scenario, Observation o) {
        List<Step> steps = scenario.steps();
        long[] done = new long[steps.size()];
        boolean[] completed = new boolean[steps.size()];
        boolean[] started = new boolean[steps.size()];
        for (Sample s : o.samples()) {
            int i = s.step();
            if (i < 0 || i >= steps.size()) {
                continue;
            }
            started[i] = true;
            done[i] = Math.max(done[i], s.doneBytes());
            if (s.event() == ProbeEvent.STEP) {
                completed[i] = true;
            }
        }
        List<StepProgress> progress = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            progress.add(new StepProgress(i, steps.get(i), done[i], completed[i], started[i] || completed[i]));
        }
        return progress;
    }

    /**
     * The highest usage the cgroup reported, from its own high-water mark: final when the probe's
     * supervisor read it after the worker ended, else the last sample's (a lower bound).
     */
    static long peak(Observation o) {
        long peak = -1;
        for (Sample s : o.samples()) {
            peak = Math.max(peak, Math.max(s.usage(), s.maxUsage()));
        }
        if (o.exit() != null) {
            peak = Math.max(peak, o.exit().maxUsage());
        }
        return peak;
    }

    /** A counter's final value where the supervisor reported it, else its last sampled value. */
    private static long last(Observation o, java.util.function.ToLongFunction<Sample> counter) {
        Sample last = o.exit() != null ? o.exit() : o.lastSample();
        return last == null ? -1 : counter.applyAsLong(last);
    }
}
