package dev.oomlab.run;

import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds, by real runs, the largest allocation of one kind that appended after a scenario's steps
 * still ends OK, to 1 MiB. It starts from the limit model's answer and probes just around it, so a
 * right model costs two runs; then it gallops outward until an OK and a not-OK run bracket the
 * boundary, and bisects. Runs are sequential: each probe depends on the last.
 */
public final class BoundarySearch {

    public static final int DEFAULT_MAX_RUNS = 12;
    /** The first step away from the prediction when it is wrong: the kernel's overhead is a few MiB. */
    static final long FIRST_STEP_MIB = 16;

    private final Runner runner;
    private final int maxRuns;
    private final SearchListener listener;

    private BoundarySearch(Runner runner, int maxRuns, SearchListener listener) {
        this.runner = runner;
        this.maxRuns = maxRuns;
        this.listener = listener;
    }

    public static BoundarySearch with(Runner runner) {
        return new BoundarySearch(Objects.requireNonNull(runner, "runner"), DEFAULT_MAX_RUNS, SearchListener.NONE);
    }

    public BoundarySearch maxRuns(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("maxRuns: a search needs at least 2 runs to bracket, got " + n);
        }
        return new BoundarySearch(runner, n, listener);
    }

    public BoundarySearch listener(SearchListener newListener) {
        return new BoundarySearch(runner, maxRuns, Objects.requireNonNull(newListener, "listener"));
    }

    public Boundary maxRam(ScenarioSpec base) {
        return search(base, Boundary.Kind.RAM);
    }

    public Boundary maxShm(ScenarioSpec base) {
        return search(base, Boundary.Kind.SHM);
    }

    /** The model's answer, where a search starts. */
    public long predicted(ScenarioSpec base, Boundary.Kind kind) {
        return kind == Boundary.Kind.RAM ? runner.model().maxRamMib(base) : runner.model().maxShmMib(base);
    }

    public Boundary search(ScenarioSpec base, Boundary.Kind kind) {
        Objects.requireNonNull(base, "base");
        if (base.limits().memory() == null) {
            throw new IllegalArgumentException("memory: a boundary search needs a memory limit, got none in " + base);
        }
        Probe probe = new Probe(base, kind);
        long predicted = predicted(base, kind);
        long lo = 0;   // largest size seen OK (0: none seen)
        long hi = -1;  // smallest size seen not OK (-1: none seen)
        long start = Math.max(1, predicted);
        String note = "";
        try {
            // 1. the prediction, then the next MiB on the side that would prove it exact
            if (probe.ok(start)) {
                lo = start;
                long step = 1;
                while (hi < 0) {
                    long x = lo + step;
                    if (probe.ok(x)) {
                        lo = x;
                        step = step == 1 ? FIRST_STEP_MIB : step * 4;
                    } else {
                        hi = x;
                    }
                }
            } else {
                hi = start;
                long step = FIRST_STEP_MIB;
                while (lo == 0 && hi > 1) {
                    long x = Math.max(1, hi - step);
                    if (probe.ok(x)) {
                        lo = x;
                    } else {
                        hi = x;
                        step *= 4;
                    }
                }
            }
            // 2. bisect the bracket
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                if (probe.ok(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            if (lo == 0) {
                note = "even 1 MiB more does not end OK";
            }
        } catch (OutOfRuns e) {
            note = "not bracketed to 1 MiB within " + maxRuns + " runs (between " + lo + " OK and "
                    + (hi < 0 ? "no failure seen" : hi + " not OK") + ")";
        } catch (Inconclusive e) {
            note = e.getMessage();
        }
        Boundary b = new Boundary(kind, base, lo, hi, predicted, probe.results.size(), probe.results, note);
        listener.found(b);
        return b;
    }

    /** Runs the base plus one appended allocation and counts the runs. */
    private final class Probe {
        final ScenarioSpec base;
        final Boundary.Kind kind;
        final List<Result> results = new ArrayList<>();

        Probe(ScenarioSpec base, Boundary.Kind kind) {
            this.base = base;
            this.kind = kind;
        }

        boolean ok(long mib) {
            if (results.size() >= maxRuns) {
                throw new OutOfRuns();
            }
            if (mib > Integer.MAX_VALUE) {
                throw new Inconclusive("the search passed " + Integer.MAX_VALUE + " MiB without a failure");
            }
            Step step = kind == Boundary.Kind.RAM ? new Step.AllocRam((int) mib) : new Step.AllocShm((int) mib);
            ScenarioSpec s = base.then(step).withName(kind.label() + " probe " + mib + " MiB");
            Result r = runner.run(s);
            results.add(r);
            listener.probed(kind, mib, r, results.size(), maxRuns);
            return switch (r.outcome()) {
                case OK -> true;
                case OOM, SIGBUS, ALLOC_FAILED, HUNG -> false;
                // not a limit's answer: a boundary drawn from it would be false
                case TIMEOUT, REFUSED, ERROR -> throw new Inconclusive("run " + results.size() + " (" + mib + " MiB) ended "
                        + r.outcome() + ": " + r.detail());
            };
        }
    }

    private static final class OutOfRuns extends RuntimeException {
        OutOfRuns() {
            super(null, null, false, false);
        }
    }

    private static final class Inconclusive extends RuntimeException {
        Inconclusive(String message) {
            super(message, null, false, false);
        }
    }
}
