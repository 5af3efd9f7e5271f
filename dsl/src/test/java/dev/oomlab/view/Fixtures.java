package dev.oomlab.view;

import static dev.oomlab.hypothesis.Expectation.ifTrue;

import dev.oomlab.hypothesis.Case;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.Hypothesis;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBug;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.hypothesis.Verdict;
import dev.oomlab.result.Prediction;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.StepProgress;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.search.SweepResult;
import dev.oomlab.dsl.Scenario;
import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Results built directly from their records, shaped like real runs (numbers from a run of
 * memory 256m, shm 64m, shm 32 + ram 400 on this project's host), so views are tested without
 * Docker.
 */
public final class Fixtures {

    public static final Environment ENV = new Environment("local", "6.1.0-test", 1, "20.10.24", "1.41", "runc 1.1.5",
            "Debian GNU/Linux 12", "x86_64", 24L << 30, 0);
    static final long MIB = Size.MIB;

    private Fixtures() {
    }

    /** A run that touches its shm steps, then its ram steps, 16 MiB a sample, dying at {@code dieAtMib} of usage. */
    public static Result run(Scenario scenario, Outcome outcome, Integer exit, boolean oomKilled, long dieAtMib) {
        List<Sample> samples = new ArrayList<>();
        List<StepProgress> progress = new ArrayList<>();
        long shm = 0;
        long anon = 0;
        long t = 0;
        long limit = scenario.limits().memory().bytes();
        samples.add(new Sample(ProbeEvent.START, -1, "", 0, 0, t, MIB, limit, MIB, 0, 0, MIB / 16, MIB / 16, 0, 0));
        boolean dead = false;
        List<Step> steps = scenario.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (dead) {
                progress.add(new StepProgress(i, step, 0, false, false));
                continue;
            }
            long done = 0;
            String kind = step instanceof Step.AllocShm ? "shm" : step instanceof Step.AllocRam ? "ram" : "free";
            if (step instanceof Step.FreeShm) {
                shm = 0;
            }
            while (done < step.targetBytes()) {
                long chunk = Math.min(16 * MIB, step.targetBytes() - done);
                if ((shm + anon + chunk) / MIB > dieAtMib) {
                    dead = true;
                    break;
                }
                done += chunk;
                if (kind.equals("shm")) {
                    shm += chunk;
                } else {
                    anon += chunk;
                }
                t += 6_000;
                samples.add(new Sample(ProbeEvent.PROGRESS, i, kind, done, step.targetBytes(), t, shm + anon + MIB, limit,
                        shm + anon + MIB, 0, shm, anon, MIB / 16, 0, 0));
            }
            if (!dead) {
                samples.add(new Sample(ProbeEvent.STEP, i, kind, done, step.targetBytes(), t, shm + anon + MIB, limit,
                        shm + anon + MIB, 0, shm, anon, MIB / 16, 0, 0));
            }
            progress.add(new StepProgress(i, step, done, !dead, true));
        }
        long peak = samples.stream().mapToLong(Sample::usage).max().orElse(-1);
        String detail = switch (outcome) {
            case OOM -> "SIGKILL (exit 137) and Docker's OOMKilled true";
            case SIGBUS -> "SIGBUS (exit 135): the tmpfs was full under a mapped page";
            default -> "all steps done, exit 0";
        };
        return Result.builder(scenario.spec()).outcome(outcome, detail).exitCode(exit).oomKilled(oomKilled)
                .steps(progress).samples(samples).counters(peak, 0, outcome == Outcome.OOM ? 1 : 0)
                .duration(Duration.ofMillis(480)).environment(ENV).runId("run-" + Math.abs(scenario.hashCode()))
                .build();
    }

    /** memory 256m, shm 64m: shm 32, then ram 400: OOM after 208 MiB of ram. */
    public static Result oom() {
        return run(Scenario.scenario().memory("256m").shm("64m").allocShm(32).allocRam(400), Outcome.OOM, 137, true, 240);
    }

    public static Result ok() {
        return run(Scenario.scenario().memory("256m").shm("64m").allocShm(32).allocRam(100), Outcome.OK, 0, false, 10_000);
    }

    static Prediction predict(Outcome o) {
        return new Prediction(o, o == Outcome.OK ? -1 : 1, "test rule", 100);
    }

    /** H4's shape, scaled down: the second case OOMs, as "if false" says, so it is rejected. */
    public static HypothesisResult rejected() {
        Hypothesis h = Hypothesis.of("H4", "with shm in use the app still gets the whole limit",
                        Scenario.scenario().memory("256m").shm("64m"))
                .when("shm 32 + ram 100", s -> s.allocShm(32).allocRam(100), ifTrue(Outcome.OK).ifFalse(Outcome.OK).seedSaw(Outcome.OK))
                .when("shm 32 + ram 400", s -> s.allocShm(32).allocRam(400), ifTrue(Outcome.OK).ifFalse(Outcome.OOM).seedSaw(Outcome.OOM))
                .seedVerdict(Verdict.REJECTED);
        List<CaseResult> cases = List.of(
                new CaseResult(h.cases().get(0), ok().withPrediction(predict(Outcome.OK))),
                new CaseResult(h.cases().get(1), oom().withPrediction(predict(Outcome.OOM))));
        return new HypothesisResult(h, cases, Verdict.REJECTED);
    }

    /** Supported, but the first case came out otherwise than the seed said and the model disagrees. */
    public static HypothesisResult supportedNotAsSeed() {
        Hypothesis h = Hypothesis.of("H3", "without shm use, app memory stops at the memory limit",
                        Scenario.scenario().memory("256m").shm("64m"))
                .when("ram 100", s -> s.allocRam(100), ifTrue(Outcome.OOM).ifFalse(Outcome.OOM).seedSaw(Outcome.OK))
                .when("ram 400", s -> s.allocRam(400), ifTrue(Outcome.OOM).ifFalse(Outcome.OK).seedSaw(Outcome.OOM))
                .seedVerdict(Verdict.SUPPORTED);
        Result first = run(Scenario.scenario().memory("256m").shm("64m").allocRam(100), Outcome.OOM, 137, true, 50);
        Result second = run(Scenario.scenario().memory("256m").shm("64m").allocRam(400), Outcome.OOM, 137, true, 240);
        List<CaseResult> cases = List.of(
                new CaseResult(h.cases().get(0), first.withPrediction(predict(Outcome.OK))),
                new CaseResult(h.cases().get(1), second.withPrediction(predict(Outcome.OOM))));
        return new HypothesisResult(h, cases, Verdict.SUPPORTED);
    }

    public static Boundary boundary(Scenario base, long mib, long predicted) {
        List<Result> runs = List.of(
                run(base.allocRam((int) predicted), Outcome.OOM, 137, true, mib),
                run(base.allocRam((int) mib), Outcome.OK, 0, false, 100_000),
                run(base.allocRam((int) mib + 1), Outcome.OOM, 137, true, mib));
        return new Boundary(Boundary.Kind.RAM, base.spec(), mib, mib + 1, predicted, runs.size(), runs, "", "");
    }

    public static PlatformBugResult platformBug(boolean withCurves) {
        PlatformBug bug = new PlatformBug(384, 128, 128);
        Boundary asIs = boundary(bug.asIs(), 126, 128);
        Boundary toBe = boundary(bug.toBe(), 254, 256);
        List<SweepResult> curves = withCurves ? List.of(curve("AS-IS", bug.asIsLimits(), 254), curve("TO-BE",
                bug.toBeLimits(), 382)) : List.of();
        return new PlatformBugResult(bug, asIs, toBe, curves);
    }

    static SweepResult curve(String name, Scenario limits, long atZero) {
        List<SweepPoint> points = new ArrayList<>();
        for (long x = 0; x <= 128; x += 64) {
            Scenario s = x == 0 ? limits : limits.allocShm((int) x);
            points.add(new SweepPoint(x, s.spec(), boundary(s, atZero - x, atZero + 2 - x), null));
        }
        return new SweepResult(name, "shm in use (MiB)", "max RAM (MiB)", points);
    }
}
