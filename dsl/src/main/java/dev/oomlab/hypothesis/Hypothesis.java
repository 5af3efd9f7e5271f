package dev.oomlab.hypothesis;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.dsl.Scenarios;
import dev.oomlab.host.Host;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.result.SetResult;
import dev.oomlab.run.Runner;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.ScenarioSet;
import dev.oomlab.suite.Progress;
import dev.oomlab.suite.Suite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A claim about container memory, tested by cases on one base scenario (the limits). Built
 * fluently and immutably:
 * {@code Hypothesis.of("H4", "claim", scenario().memory("2g").shm("1g"))
 *        .when("shm 800 + ram 1300", s -> s.allocShm(800).allocRam(1300), ifTrue(OK).ifFalse(OOM)).run()}.
 *
 * @param id          "H4"
 * @param claim       the claim in English, as the seed states it
 * @param title       the seed's own (Korean) heading, or null
 * @param base        the limits every case runs with
 * @param cases       the rows of the hypothesis' table, in order
 * @param seedVerdict the verdict the seed reached, or null for a hypothesis of your own
 * @param needs       what the host must offer for the cases to show the claim (cgroup v2, swap...)
 */
public record Hypothesis(String id, String claim, String title, Scenario base, List<Case> cases,
                         Verdict seedVerdict, List<HostNeed> needs) {

    public Hypothesis {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: a hypothesis needs an id, got \"" + id + "\"");
        }
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("claim: hypothesis " + id + " needs a claim, got \"" + claim + "\"");
        }
        Objects.requireNonNull(base, "base");
        cases = List.copyOf(cases);
        needs = List.copyOf(needs);
    }

    /** A hypothesis with no case yet. */
    public static Hypothesis of(String id, String claim, Scenario base) {
        return new Hypothesis(id, claim, null, base, List.of(), null, List.of());
    }

    public Hypothesis title(String newTitle) {
        return new Hypothesis(id, claim, newTitle, base, cases, seedVerdict, needs);
    }

    public Hypothesis seedVerdict(Verdict verdict) {
        return new Hypothesis(id, claim, title, base, cases, verdict, needs);
    }

    /** What the host must offer; a host without it reports "cannot run on this host" and why. */
    public Hypothesis needs(HostNeed... more) {
        List<HostNeed> all = new ArrayList<>(needs);
        all.addAll(List.of(more));
        return new Hypothesis(id, claim, title, base, cases, seedVerdict, all);
    }

    /** Why this hypothesis cannot run on the runner's host, asking the host where needed; null when it can. */
    public String cannotRunOn(Runner runner) {
        List<String> reasons = needs.stream().map(n -> n.reasonUnmet(runner)).filter(Objects::nonNull).toList();
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Why this hypothesis cannot run on a host with this environment, or null when it can. */
    public String cannotRunOn(Environment env) {
        List<String> reasons = needs.stream().map(n -> n.reasonUnmet(env)).filter(Objects::nonNull).toList();
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /**
     * Adds a case: {@code steps} is applied to an empty scenario, {@code expect} names the outcomes,
     * e.g. {@code ifTrue(OK).ifFalse(OOM).seedSaw(OOM)}.
     */
    public Hypothesis when(String name, UnaryOperator<Scenario> steps, Expectation expect) {
        List<Case> more = new ArrayList<>(cases);
        Scenario s = steps.apply(Scenario.scenario());
        more.add(new Case(name, s.steps(), expect, null, s.processes()));
        return new Hypothesis(id, claim, title, base, more, seedVerdict, needs);
    }

    /**
     * Adds a case whose limits differ from the base's: {@code scenario} is applied to the base, so
     * {@code s -> s.tmpfsShm("256m").allocShm(300)} keeps the base's memory and mounts its own /dev/shm.
     */
    public Hypothesis whenOwnLimits(String name, UnaryOperator<Scenario> scenario, Expectation expect) {
        Scenario s = scenario.apply(base);
        List<Case> more = new ArrayList<>(cases);
        more.add(new Case(name, s.steps().subList(base.steps().size(), s.steps().size()), expect, s.limits(),
                s.processes()));
        return new Hypothesis(id, claim, title, base, more, seedVerdict, needs);
    }

    /**
     * Adds a case of several containers: {@code containers} runs as written (the base's limits do
     * not apply), and the result of the container named {@code observed} decides the case.
     */
    public Hypothesis whenContainers(String name, Scenarios containers, String observed, Expectation expect) {
        List<Case> more = new ArrayList<>(cases);
        more.add(new Case(name, containers.spec().withName(id), observed, expect));
        return new Hypothesis(id, claim, title, base, more, seedVerdict, needs);
    }

    /**
     * Adds a case of several containers sized to the host's memory (MiB, as its engine reports it),
     * for the claims about global pressure: {@code mib -> Scenarios.alongside(...)}.
     */
    public Hypothesis whenHost(String name, Case.HostSized containers, String observed, Expectation expect) {
        List<Case> more = new ArrayList<>(cases);
        more.add(new Case(name, id, containers, observed, expect));
        return new Hypothesis(id, claim, title, base, more, seedVerdict, needs);
    }

    /** Each case's scenario: the base limits, the case's steps, named "H4: shm 800 + ram 1300". */
    public List<Scenario> scenarios() {
        return cases.stream().map(c -> c.on(base).named(id + ": " + c.name())).toList();
    }

    /** Runs every case on the base scenario's runtime (the default Docker engine unless set). */
    public HypothesisResult run() {
        return run(Suite.with(base.runner()));
    }

    public HypothesisResult run(ContainerRuntime runtime) {
        return run(Suite.on(runtime));
    }

    public HypothesisResult run(Suite suite) {
        return runAll(List.of(this), suite).get(0);
    }

    /**
     * Runs every case on each host at once and sets them side by side:
     * {@code Catalogue.byId("H4").runOn(here, v2)}.
     */
    public HostComparison runOn(Host... hosts) {
        return HostComparison.run(List.of(this), List.of(hosts));
    }

    /** Runs the cases of many hypotheses as one parallel batch: the fastest way to verify a catalogue. */
    public static List<HypothesisResult> runAll(List<Hypothesis> hypotheses, Suite suite) {
        List<Scenario> all = new ArrayList<>();
        Map<Hypothesis, String> cannotRun = new IdentityHashMap<>();
        hypotheses.forEach(h -> {
            String reason = h.needs.isEmpty() ? null : h.cannotRunOn(suite.runner());
            if (reason != null) {
                cannotRun.put(h, reason); // no container starts for it
            } else if (h.cases.isEmpty()) {
                throw new IllegalArgumentException("cases: hypothesis " + h.id + " has no case to run");
            } else {
                List<Scenario> scenarios = h.scenarios();
                for (int c = 0; c < h.cases.size(); c++) {
                    if (!h.cases.get(c).hasContainers()) {
                        all.add(scenarios.get(c));
                    }
                }
            }
        });
        List<Result> results = all.isEmpty() ? List.of() : suite.run(all);
        List<HypothesisResult> out = new ArrayList<>();
        long hostMib = hypotheses.stream().anyMatch(h -> h.cases.stream().anyMatch(c -> c.hostSized() != null))
                ? suite.runner().runtime().environment().hostMemoryBytes() >> 20 : -1;
        SetProgress setProgress = new SetProgress(suite, hypotheses.stream().filter(h -> !cannotRun.containsKey(h))
                .mapToInt(h -> h.setsOnHost(hostMib).size()).sum());
        int i = 0;
        for (Hypothesis h : hypotheses) {
            if (cannotRun.containsKey(h)) {
                out.add(HypothesisResult.cannotRun(h, cannotRun.get(h)));
                continue;
            }
            List<CaseResult> caseResults = new ArrayList<>();
            Map<ScenarioSet, SetResult> sets = new HashMap<>(); // cases reading one set's containers share its run
            for (Case asWritten : h.cases) {
                Case c = asWritten.forHost(hostMib);
                // a case of several containers runs as a whole, after the batch: its containers depend on each other
                Result r = c.hasContainers()
                        ? sets.computeIfAbsent(c.containers(), set -> setProgress.run(h.id + ": " + c.name(),
                                () -> suite.runner().run(set, RunListener.NONE))).result(c.observed())
                        : results.get(i++);
                caseResults.add(new CaseResult(c, r)); // the runner attached the prediction
            }
            out.add(new HypothesisResult(h, caseResults, Verdict.judgeResults(caseResults)));
        }
        return out;
    }

    /** The distinct sets of containers this hypothesis runs on a host of that size (cases may share one). */
    private Set<ScenarioSet> setsOnHost(long hostMib) {
        return cases.stream().filter(Case::hasContainers).map(c -> c.forHost(hostMib).containers())
                .collect(Collectors.toSet());
    }

    /**
     * The sets run one after another once the batch is done, for minutes on a VM under global
     * pressure: each is reported to the suite's listener as a batch of its own, so a progress bar
     * keeps moving.
     */
    private static final class SetProgress {
        private final Suite suite;
        private final int total;
        private int done;

        SetProgress(Suite suite, int total) {
            this.suite = suite;
            this.total = total;
        }

        SetResult run(String label, Supplier<SetResult> set) {
            // no memory figures: a set is not held to the batch's budget, and asking a remote engine costs a call
            suite.listener().started(new Progress(done, label, 1, done, total, 0, 0));
            SetResult result = set.get();
            done++;
            suite.listener().finished(new Progress(done - 1, label, 0, done, total, 0, 0), result);
            return result;
        }
    }

    @Override
    public String toString() {
        return id + ": " + claim + " (" + base.limitsText() + ", " + cases.size() + " cases)";
    }
}
