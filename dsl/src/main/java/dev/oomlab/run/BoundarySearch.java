package dev.oomlab.run;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds, by real runs, the largest allocation of one kind that appended after a scenario's steps
 * still ends OK, to 1 MiB, in three runs: one run allocates until the kernel stops it and the
 * probe's supervisor says how far the worker got, to the page (n MiB and some pages); then n MiB
 * must end OK and n + 1 MiB must not. When a confirmation disagrees with the kill point, or the
 * kill run gives no kill point, the search falls back to galloping and bisection (from the
 * confirmations, else from the limit model's answer) and says so in {@link Boundary#method()}.
 * Runs are sequential: each depends on the last. Immutable: {@link #with(Runner)} makes one, and
 * each setting returns a new one.
 *
 * @param maxRuns  the most runs one search may make (at least 2, to bracket)
 * @param confirm  whether the kill point is confirmed by a run on each side of it
 */
public record BoundarySearch(Runner runner, int maxRuns, boolean confirm, SearchListener listener) {

    public static final int DEFAULT_MAX_RUNS = 12;
    /** The first step away from the model's answer when it is wrong: the kernel's overhead is a few MiB. */
    static final long FIRST_STEP_MIB = 16;
    /** How far above the limit the kill run's ceiling lies: it must never be what stops the worker. */
    static final long CEILING_MARGIN_MIB = 64;

    public BoundarySearch {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(listener, "listener");
        if (maxRuns < 2) {
            throw new IllegalArgumentException("maxRuns: a search needs at least 2 runs to bracket, got " + maxRuns);
        }
    }

    public static BoundarySearch with(Runner runner) {
        return new BoundarySearch(runner, DEFAULT_MAX_RUNS, true, SearchListener.NONE);
    }

    public BoundarySearch maxRuns(int n) {
        return new BoundarySearch(runner, n, confirm, listener);
    }

    /**
     * One run per search: the kill point alone, not confirmed (a capacity curve's inner points).
     * The boundary then says so in its method; where the kill run gives no kill point, it still
     * falls back to a full search.
     */
    public BoundarySearch killPointOnly() {
        return new BoundarySearch(runner, maxRuns, false, listener);
    }

    public BoundarySearch listener(SearchListener newListener) {
        return new BoundarySearch(runner, maxRuns, confirm, newListener);
    }

    public Boundary maxRam(ScenarioSpec base) {
        return search(base, Boundary.Kind.RAM);
    }

    public Boundary maxShm(ScenarioSpec base) {
        return search(base, Boundary.Kind.SHM);
    }

    /** The model's answer: where a fallback search starts. */
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
        Bracket b = new Bracket();
        String method;
        String note = "";
        try {
            method = fromKillPoint(probe, b, predicted);
            b.narrow(probe);
            if (b.lo == 0 && b.hi == 1) {
                note = "even 1 MiB more does not end OK";
            } else if (!confirm && b.lo > 0 && probe.results.size() == 1) {
                note = "from the kill point alone: no run at " + b.lo + " MiB confirmed it";
            }
        } catch (OutOfRuns e) {
            method = b.method;
            note = "not bracketed to 1 MiB within " + maxRuns + " runs (between " + b.lo + " OK and "
                    + (b.hi < 0 ? "no failure seen" : b.hi + " not OK") + ")";
        } catch (Inconclusive e) {
            method = b.method;
            note = e.getMessage();
        }
        Boundary found = new Boundary(kind, base, b.lo, b.hi, predicted, probe.results.size(), probe.results, note,
                method);
        listener.found(found);
        return found;
    }

    /**
     * The kill run, then its two confirmations; leaves the bracket where they got and returns how.
     * A bracket that is not yet 1 MiB wide is narrowed by the caller.
     */
    private String fromKillPoint(Probe probe, Bracket b, long predicted) {
        long ceiling = ceilingMib(probe.base, probe.kind);
        Result kill = probe.untilKilled(ceiling);
        long touched = kill.touchedBytes();
        if (kill.outcome() == Outcome.OK) {
            b.lo = ceiling;
            return b.say("the kill run reached its ceiling of " + ceiling + " MiB unkilled: searched upward");
        }
        if (touched < 0 || !stoppedByTheLimit(kill.outcome())) {
            // no kill point to start from: the model's answer is the best guess left
            b.fromModel = true;
            b.method = "no kill point (the kill run ended " + kill.outcome() + "): searched from the model's "
                    + predicted + " MiB";
            long start = Math.max(1, predicted);
            if (probe.ok(start)) {
                b.lo = start;
            } else {
                b.hi = start;
            }
            return b.method;
        }
        long n = touched / Size.MIB;
        String at = String.format("killed at %.2f MiB", touched / (double) Size.MIB);
        if (!confirm) {
            b.lo = n;
            b.hi = n + 1;
            return b.say(at + ": " + n + " MiB from the kill point, not confirmed");
        }
        if (n > 0 && !probe.ok(n)) {
            b.hi = n;
            return b.say(at + ", but " + n + " MiB did not end OK: bisected below it");
        }
        b.lo = n;
        if (probe.ok(n + 1)) {
            b.lo = n + 1;
            return b.say(at + ", but " + (n + 1) + " MiB ended OK: bisected above it");
        }
        b.hi = n + 1;
        return b.say(at + ", confirmed: " + n + " MiB OK, " + (n + 1) + " MiB not");
    }

    /** Far enough above the limit that only the limit, never the ceiling, stops the kill run. */
    static long ceilingMib(ScenarioSpec base, Boundary.Kind kind) {
        long limit = base.limits().reserveBytes() / Size.MIB;
        return Math.min(Integer.MAX_VALUE, limit + CEILING_MARGIN_MIB);
    }

    private static boolean stoppedByTheLimit(Outcome o) {
        return o == Outcome.OOM || o == Outcome.SIGBUS;
    }

    /** The largest size seen OK (0: none) and the smallest seen not OK (-1: none), and how they were found. */
    private static final class Bracket {
        long lo;
        long hi = -1;
        String method = "";
        boolean fromModel;

        String say(String how) {
            method = how;
            return how;
        }

        /**
         * Gallops away from the one known side until both are known, then bisects to 1 MiB; a
         * bracket already 1 MiB wide (confirmed, or taken from the kill point alone) costs nothing.
         */
        void narrow(Probe probe) {
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
            step = fromModel ? FIRST_STEP_MIB : 1;
            while (lo == 0 && hi > 1) {
                long x = Math.max(1, hi - step);
                if (probe.ok(x)) {
                    lo = x;
                } else {
                    hi = x;
                    step = step == 1 ? FIRST_STEP_MIB : step * 4;
                }
            }
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                if (probe.ok(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
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

        Result untilKilled(long ceilingMib) {
            Step step = kind == Boundary.Kind.SHM ? Step.UntilKilled.shm((int) ceilingMib)
                    : Step.UntilKilled.ram((int) ceilingMib);
            Result r = run(step, ceilingMib, kind.label() + " kill run");
            if (r.outcome() == Outcome.TIMEOUT || r.outcome() == Outcome.ERROR) {
                throw new Inconclusive("the kill run ended " + r.outcome() + ": " + r.detail());
            }
            return r;
        }

        boolean ok(long mib) {
            if (mib > Integer.MAX_VALUE) {
                throw new Inconclusive("the search passed " + Integer.MAX_VALUE + " MiB without a failure");
            }
            Step step = kind == Boundary.Kind.RAM ? new Step.AllocRam((int) mib) : new Step.AllocShm((int) mib);
            Result r = run(step, mib, kind.label() + " probe " + mib + " MiB");
            return switch (r.outcome()) {
                case OK -> true;
                case OOM, SIGBUS, ALLOC_FAILED, HUNG -> false;
                // not a limit's answer: a boundary drawn from it would be false
                case TIMEOUT, REFUSED, ERROR, TOO_CLOSE_TO_TELL -> throw new Inconclusive("run " + results.size() + " (" + mib + " MiB) ended "
                        + r.outcome() + ": " + r.detail());
            };
        }

        private Result run(Step step, long mib, String name) {
            if (results.size() >= maxRuns) {
                throw new OutOfRuns();
            }
            Result r = runner.run(base.then(step).withName(name));
            results.add(r);
            listener.probed(kind, mib, r, results.size(), maxRuns);
            return r;
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
