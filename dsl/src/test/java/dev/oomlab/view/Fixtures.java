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
    /** The lab's VM: cgroup v2, with swap. */
    public static final Environment ENV_V2 = new Environment("vm", "6.1.0-50-amd64", 2, "20.10.24", "1.41",
            "runc 1.1.5", "Debian GNU/Linux 12", "x86_64", 5925L << 20, 1024L << 20);
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

    /** memory.high 410m as the kernel reads it back (page-rounded), from a run on the cgroup v2 VM. */
    static final long HIGH_READ_BACK = 429_916_160L;

    /**
     * A cgroup v2 run shaped like one on the lab's VM (memory 512m, memory-swap 1g, memory.high
     * 410m, ram 500): anon climbs to memory.high unthrottled, then each 16 MiB more pushes as much
     * into swap while some task stalls about three quarters of the time, and memory.events counts
     * the throttling.
     */
    public static Result v2Swap() {
        return v2Swap(Outcome.OK, true);
    }

    /** The same run stopped from outside by its timeout just after its last sample: no exit report. */
    public static Result v2SwapTimedOut() {
        return v2Swap(Outcome.TIMEOUT, false);
    }

    private static Result v2Swap(Outcome outcome, boolean withExitReport) {
        Scenario scenario = Scenario.scenario().memory("512m").memorySwap("1g").memoryHigh("410m").allocRam(500);
        long target = 500 * MIB;
        long limit = scenario.limits().memory().bytes();
        List<Sample> samples = new ArrayList<>();
        samples.add(v2Sample(ProbeEvent.START, -1, 0, 0, 2_000, 600 * 1024, 76 * 1024, 0, 0,
                new Sample.V2(-1, 0, 0, 0, 0, 0)));
        long t = 2_000;
        long psi = 0;
        long eventsHigh = 0;
        long anon = 0;
        long swap = 0;
        for (long done = 16 * MIB; ; done = Math.min(done + 16 * MIB, target)) {
            if (done <= 400 * MIB) {
                t += 50_000;
                anon = done;
            } else {
                // Over memory.high: reclaim swaps out what the step touches beyond it, slowly.
                t += 400_000;
                psi += 300_000;
                eventsHigh += 55;
                anon = 408 * MIB;
                swap = done - anon;
            }
            samples.add(v2Sample(ProbeEvent.PROGRESS, 0, done, target, t, anon + MIB, anon, psi, psi,
                    new Sample.V2(HIGH_READ_BACK, swap, eventsHigh, 0, 0, 0)));
            if (done == target) {
                break;
            }
        }
        samples.add(v2Sample(ProbeEvent.STEP, 0, target, target, t, anon + MIB, anon, psi, psi,
                new Sample.V2(HIGH_READ_BACK, swap, eventsHigh, 0, 0, 0)));
        // The worker has ended: its memory, swapped out or not, is freed before the supervisor reads.
        Sample exit = v2Sample(ProbeEvent.EXIT, -1, 0, 0, t + 300_000, 336 * 1024, 36 * 1024, psi, psi,
                new Sample.V2(HIGH_READ_BACK, 304 * 1024, eventsHigh, 0, 0, 0));
        long peak = 430_174_208L;
        String detail = outcome == Outcome.OK ? "all steps done, exit 0" : "still running at the timeout";
        return Result.builder(scenario.spec()).outcome(outcome, detail).exitCode(outcome == Outcome.OK ? 0 : null)
                .steps(List.of(new StepProgress(0, scenario.steps().get(0), target, true, true)))
                .samples(samples).exitReport(withExitReport ? exit : null).counters(peak, 0, 0)
                .duration(Duration.ofMillis(4_200)).environment(ENV_V2).runId("run-v2swap").build();
    }

    private static Sample v2Sample(ProbeEvent event, int step, long done, long target, long t, long usage, long anon,
            long psiSome, long psiFull, Sample.V2 v2) {
        return new Sample(event, step, step < 0 ? "" : "ram", done, target, t, usage, 512 * MIB, usage, 0, 0, anon, 0,
                0, -1, psiSome, psiFull, v2);
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
