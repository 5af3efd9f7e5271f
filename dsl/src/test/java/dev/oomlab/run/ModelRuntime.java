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

    private final Function<ScenarioSpec, Outcome> answer;
    private final AtomicInteger runs = new AtomicInteger();
    private final long availableBytes;

    private ModelRuntime(Function<ScenarioSpec, Outcome> answer, long availableBytes) {
        this.answer = answer;
        this.availableBytes = availableBytes;
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
        return new ModelRuntime(answer, 16L * 1024 * Size.MIB);
    }

    private static ScenarioSpec lower(ScenarioSpec s, long mib) {
        return s.withLimits(s.limits().withMemory(Size.mib("memory", (int) (s.limits().memory().bytes() / Size.MIB - mib))));
    }

    public int runs() {
        return runs.get();
    }

    @Override
    public Result run(ScenarioSpec scenario, RunListener listener) {
        runs.incrementAndGet();
        Outcome o = answer.apply(scenario);
        return result(scenario, o);
    }

    /** A result with the given outcome and no evidence: enough for logic that reads the outcome. */
    public static Result result(ScenarioSpec scenario, Outcome o) {
        List<StepProgress> steps = new ArrayList<>();
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            steps.add(new StepProgress(i, step, step.targetBytes(), o == Outcome.OK, true));
        }
        return Result.builder(scenario).outcome(o, "answered by the model").exitCode(o == Outcome.OK ? 0 : 137)
                .oomKilled(o == Outcome.OOM).steps(steps).runId("fake").build();
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
