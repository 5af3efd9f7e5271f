package dev.oomlab.search;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.run.BoundarySearch;
import dev.oomlab.run.Runner;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.suite.Suite;
import dev.oomlab.suite.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * One parameter varied over a range, with a boundary or an outcome measured at each point. The
 * points are independent, so they run in parallel through a {@link Suite} (each point's search is
 * itself sequential). {@code Sweep.shmInUse(scenario().memory("2g").shm("1g"), 0, 1000, 100).maxRam()}
 * draws the capacity curve: a line of slope -1 says shm and app share one pool.
 */
public final class Sweep {

    private final String name;
    private final String parameter;
    private final List<Long> xs;
    private final LongFunction<Scenario> scenarioAt;
    private final Suite suite;
    private final SweepListener listener;
    private final int maxRuns;
    private final boolean killPointOnly;
    private final List<Boundary> known;

    private Sweep(String name, String parameter, List<Long> xs, LongFunction<Scenario> scenarioAt, Suite suite,
                  SweepListener listener, int maxRuns, boolean killPointOnly, List<Boundary> known) {
        this.name = name;
        this.parameter = parameter;
        this.xs = List.copyOf(xs);
        this.scenarioAt = scenarioAt;
        this.suite = suite;
        this.listener = listener;
        this.maxRuns = maxRuns;
        this.killPointOnly = killPointOnly;
        this.known = List.copyOf(known);
    }

    /** Sweeps x from {@code from} to {@code to} inclusive by {@code step}; {@code scenarioAt} builds each point. */
    public static Sweep over(String parameter, long from, long to, long step, LongFunction<Scenario> scenarioAt) {
        if (step <= 0) {
            throw new IllegalArgumentException("step: must be positive, got " + step);
        }
        if (to < from) {
            throw new IllegalArgumentException("to: " + to + " is below from " + from);
        }
        Objects.requireNonNull(scenarioAt, "scenarioAt");
        List<Long> xs = new ArrayList<>();
        for (long x = from; x <= to; x += step) {
            xs.add(x);
        }
        return new Sweep(parameter, parameter, xs, scenarioAt, null, SweepListener.NONE,
                BoundarySearch.DEFAULT_MAX_RUNS, false, List.of());
    }

    /** Shm in use (MiB) from {@code from} to {@code to}: the base, then shm x (nothing at 0). */
    public static Sweep shmInUse(Scenario base, long from, long to, long step) {
        if (from < 0) {
            throw new IllegalArgumentException("from: shm in use cannot be negative, got " + from);
        }
        Objects.requireNonNull(base, "base");
        return over("shm in use (MiB)", from, to, step, x -> x == 0 ? base : base.allocShm((int) x))
                .named(base.limitsText());
    }

    public Sweep named(String newName) {
        return new Sweep(newName, parameter, xs, scenarioAt, suite, listener, maxRuns, killPointOnly, known);
    }

    public Sweep suite(Suite newSuite) {
        return new Sweep(name, parameter, xs, scenarioAt, Objects.requireNonNull(newSuite, "suite"), listener, maxRuns,
                killPointOnly, known);
    }

    public Sweep listener(SweepListener newListener) {
        return new Sweep(name, parameter, xs, scenarioAt, suite, Objects.requireNonNull(newListener, "listener"),
                maxRuns, killPointOnly, known);
    }

    public Sweep maxRuns(int n) {
        return new Sweep(name, parameter, xs, scenarioAt, suite, listener, n, killPointOnly, known);
    }

    /**
     * Each point from one kill run, not confirmed (see {@link BoundarySearch#killPointOnly()}): a
     * curve's shape for a third of the runs; its points say they are not bracketed.
     */
    public Sweep killPointOnly() {
        return new Sweep(name, parameter, xs, scenarioAt, suite, listener, maxRuns, true, known);
    }

    /**
     * Boundaries already searched: a point whose scenario (name aside) and kind match one of them
     * takes it instead of searching again, e.g. a capacity curve's end point that is also the
     * platform bug's search.
     */
    public Sweep reusing(List<Boundary> searched) {
        return new Sweep(name, parameter, xs, scenarioAt, suite, listener, maxRuns, killPointOnly,
                Objects.requireNonNull(searched, "searched"));
    }

    public List<Long> xs() {
        return xs;
    }

    /** The largest app RAM at each point. */
    public SweepResult maxRam() {
        return boundaries(Boundary.Kind.RAM);
    }

    /** The largest shm at each point. */
    public SweepResult maxShm() {
        return boundaries(Boundary.Kind.SHM);
    }

    /** One run at each point: its outcome beside the model's. */
    public SweepResult outcomes() {
        List<Task<SweepPoint>> tasks = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (long x : xs) {
            ScenarioSpec s = scenarioAt.apply(x).spec().validate();
            tasks.add(new Task<>(parameter + " = " + x, Suite.reserveOf(s), runner -> {
                Result r = runner.run(s);
                return announce(new SweepPoint(x, s, null, r), done);
            }));
        }
        return new SweepResult(name, parameter, "outcome", suite().runTasks(tasks));
    }

    private SweepResult boundaries(Boundary.Kind kind) {
        List<Task<SweepPoint>> tasks = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (long x : xs) {
            ScenarioSpec s = scenarioAt.apply(x).spec();
            if (s.limits().memory() == null) {
                throw new IllegalArgumentException("memory: sweep point " + x + " has no memory limit: " + s);
            }
            Boundary already = known(s, kind);
            tasks.add(new Task<>(parameter + " = " + x, already != null ? 0 : Suite.reserveOf(s), runner -> {
                Boundary b = already != null ? already : search(runner, s, kind);
                return announce(new SweepPoint(x, s, b, null), done);
            }));
        }
        return new SweepResult(name, parameter, kind.label() + " (MiB)", suite().runTasks(tasks));
    }

    private Boundary search(Runner runner, ScenarioSpec s, Boundary.Kind kind) {
        BoundarySearch search = BoundarySearch.with(runner).maxRuns(maxRuns).listener(listener);
        return (killPointOnly ? search.killPointOnly() : search).search(s, kind);
    }

    private Boundary known(ScenarioSpec s, Boundary.Kind kind) {
        return known.stream().filter(b -> b.kind() == kind && b.base().limits().equals(s.limits())
                && b.base().steps().equals(s.steps())).findFirst().orElse(null);
    }

    private SweepPoint announce(SweepPoint p, AtomicInteger done) {
        listener.point(p, done.incrementAndGet(), xs.size());
        return p;
    }

    private Suite suite() {
        return suite != null ? suite : Suite.defaults();
    }
}
