package dev.oomlab.run;

import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.result.StepProgress;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake runtime for pure logic (bisection, scheduling): it answers from the limit model, with the
 * memory limit lowered by {@code overheadMib} to stand for the kernel's own pages. Never a study.
 */
public final class ModelRuntime implements ContainerRuntime {

    /** What the kernel leaves a touched page short of the next MiB when it kills: most of that MiB. */
    static final long KILLED_PAGES_SHORT = 7;

    private final Function<ScenarioSpec, Outcome> answer;
    private final AtomicInteger runs = new AtomicInteger();
    private final long availableBytes;
    private final long killPointOffsetBytes;

    private ModelRuntime(Function<ScenarioSpec, Outcome> answer, long availableBytes, long killPointOffsetBytes) {
        this.answer = answer;
        this.availableBytes = availableBytes;
        this.killPointOffsetBytes = killPointOffsetBytes;
    }

    /**
     * A kill run that gets {@code offsetMib} further (negative: less far) than plain runs can hold,
     * as when the kill run's own footprint differs: its kill point then disagrees with the confirmations.
     */
    public ModelRuntime killPointOff(long offsetMib) {
        return new ModelRuntime(answer, availableBytes, offsetMib * Size.MIB);
    }

    /** Answers exactly as the model predicts. */
    public static ModelRuntime exact() {
        return withOverhead(0);
    }

    /** Answers as the model would with {@code overheadMib} less memory (and shm room unchanged). */
    public static ModelRuntime withOverhead(long overheadMib) {
        return answering(s -> LimitModel.SEED.outcome(overheadMib == 0 ? s : lower(s, overheadMib)));
    }

    public static ModelRuntime answering(Function<ScenarioSpec, Outcome> answer) {
        return new ModelRuntime(answer, 16L * 1024 * Size.MIB, 0);
    }

    private static ScenarioSpec lower(ScenarioSpec s, long mib) {
        return s.withLimits(s.limits().withMemory(Size.mib("memory", (int) (s.limits().memory().bytes() / Size.MIB - mib))));
    }

    public int runs() {
        return runs.get();
    }

    @Override
    public Result run(ScenarioSpec scenario, RunListener listener) {
        String container = "fake-" + runs.incrementAndGet();
        if (scenario.steps().get(scenario.steps().size() - 1) instanceof Step.UntilKilled u) {
            return killRun(scenario, u, container);
        }
        Outcome o = answer.apply(scenario);
        return result(scenario, o, container);
    }

    /**
     * The largest whole MiB the answer lets end OK, found by bisecting the answer (pure logic, no
     * run counted); the worker "dies" a few pages short of the next MiB, as a real kill does.
     */
    private Result killRun(ScenarioSpec scenario, Step.UntilKilled u, String container) {
        ScenarioSpec base = new ScenarioSpec(scenario.name(), scenario.limits(),
                scenario.steps().subList(0, scenario.steps().size() - 1));
        long lo = 0;
        long hi = u.ceilingMib() + 1L;
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (answer.apply(base.then(u.shm() ? new Step.AllocShm((int) mid) : new Step.AllocRam((int) mid))) == Outcome.OK) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (lo == u.ceilingMib()) {
            return Result.builder(scenario).outcome(Outcome.OK, "reached the ceiling").exitCode(0)
                    .touchedBytes(lo * Size.MIB).runId("fake").container(container).build();
        }
        Outcome o = answer.apply(base.then(u.shm() ? new Step.AllocShm((int) hi) : new Step.AllocRam((int) hi)));
        long touched = Math.max(0, hi * Size.MIB - KILLED_PAGES_SHORT * 4096 + killPointOffsetBytes);
        return Result.builder(scenario).outcome(o, "answered by the model").exitCode(o == Outcome.SIGBUS ? 135 : 137)
                .oomKilled(o == Outcome.OOM).touchedBytes(touched).runId("fake").container(container).build();
    }

    /** A result with the given outcome and no evidence: enough for logic that reads the outcome. */
    public static Result result(ScenarioSpec scenario, Outcome o) {
        return result(scenario, o, "");
    }

    /** The same, as measured in the named (fake) container. */
    public static Result result(ScenarioSpec scenario, Outcome o, String container) {
        List<StepProgress> steps = new ArrayList<>();
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            steps.add(new StepProgress(i, step, step.targetBytes(), o == Outcome.OK, true));
        }
        return Result.builder(scenario).outcome(o, "answered by the model").exitCode(o == Outcome.OK ? 0 : 137)
                .oomKilled(o == Outcome.OOM).steps(steps).runId("fake").container(container).build();
    }

    @Override
    public Environment environment() {
        return Environment.unknown();
    }

    @Override
    public long availableMemoryBytes() {
        return availableBytes;
    }
}
