package dev.oomlab.search;

import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.result.StepProgress;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.runtime.Runtime;
import dev.oomlab.spec.Scenario;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake runtime for pure logic (bisection, scheduling): it answers from the limit model, with the
 * memory limit lowered by {@code overheadMib} to stand for the kernel's own pages. Never a study.
 */
public final class ModelRuntime implements Runtime {

    private final Function<Scenario, Outcome> answer;
    private final AtomicInteger runs = new AtomicInteger();
    private final long availableBytes;

    private ModelRuntime(Function<Scenario, Outcome> answer, long availableBytes) {
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

    public static ModelRuntime answering(Function<Scenario, Outcome> answer) {
        return new ModelRuntime(answer, 16L * 1024 * Size.MIB);
    }

    private static Scenario lower(Scenario s, long mib) {
        Scenario lowered = s.memory((int) (s.memory().bytes() / Size.MIB - mib));
        return lowered;
    }

    public int runs() {
        return runs.get();
    }

    @Override
    public Result run(Scenario scenario, RunListener listener) {
        runs.incrementAndGet();
        Outcome o = answer.apply(scenario);
        return result(scenario, o);
    }

    /** A result with the given outcome and no evidence: enough for logic that reads the outcome. */
    public static Result result(Scenario scenario, Outcome o) {
        List<StepProgress> steps = new ArrayList<>();
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            steps.add(new StepProgress(i, step, step.targetBytes(), o == Outcome.OK, true));
        }
        return new Result(scenario, o, o == Outcome.OK ? 0 : 137, o == Outcome.OOM, steps, List.of(), -1, -1, -1,
                Duration.ZERO, Environment.unknown(), "fake", "answered by the model", List.of(), null, null);
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
