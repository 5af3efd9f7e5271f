package dev.oomlab.hypothesis;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.Sweep;
import dev.oomlab.search.SweepListener;
import dev.oomlab.search.SweepResult;
import dev.oomlab.suite.Suite;
import dev.oomlab.suite.Task;
import java.util.List;

/**
 * The seed's platform bug: a user asks for {@code requestedMib} of memory and {@code shmMib} of
 * shm and uses {@code shmUsedMib} of it. The platform subtracted shm from the memory limit
 * (AS-IS: memory = requested - shm); it should not have (TO-BE: memory = requested). Both
 * capacities are measured, never assumed.
 */
public record PlatformBug(int requestedMib, int shmMib, int shmUsedMib) {

    public PlatformBug {
        if (shmMib <= 0 || shmMib >= requestedMib) {
            throw new IllegalArgumentException("shmMib: " + shmMib + " must be positive and below requestedMib "
                    + requestedMib);
        }
        if (shmUsedMib <= 0 || shmUsedMib > shmMib) {
            throw new IllegalArgumentException("shmUsedMib: " + shmUsedMib + " must be positive and at most shmMib "
                    + shmMib);
        }
    }

    /** The seed's case: 4 GiB memory and 1 GiB shm asked, 1 GiB of shm used. */
    public static PlatformBug seed() {
        return new PlatformBug(4096, 1024, 1024);
    }

    /** The platform's limits (memory minus shm), before any step. */
    public Scenario asIsLimits() {
        return Scenario.scenario().named("AS-IS").memory(requestedMib - shmMib).shm(shmMib);
    }

    /** The limits the user asked for, before any step. */
    public Scenario toBeLimits() {
        return Scenario.scenario().named("TO-BE").memory(requestedMib).shm(shmMib);
    }

    /** AS-IS with the shm in use touched first: the base of the app's RAM search. */
    public Scenario asIs() {
        return asIsLimits().allocShm(shmUsedMib);
    }

    public Scenario toBe() {
        return toBeLimits().allocShm(shmUsedMib);
    }

    /** Both capacities, searched in parallel on the default runtime. */
    public PlatformBugResult measure() {
        return measure(Suite.defaults(), SweepListener.NONE);
    }

    public PlatformBugResult measure(Suite suite, SweepListener listener) {
        List<Boundary> b = suite.runTasks(List.of(search(asIs(), listener), search(toBe(), listener)));
        return new PlatformBugResult(this, b.get(0), b.get(1), List.of());
    }

    /**
     * Both capacities and both capacity curves: max app RAM against shm in use from 0 to
     * {@code shmMib} (AS-IS, TO-BE), every {@code stepMib}. A curve's end point at {@code shmMib}
     * is the capacity search itself, reused; its other points come from one kill run each, not
     * confirmed (they say so): the curve's shape, at a third of the runs.
     */
    public PlatformBugResult measureWithCurves(int stepMib, Suite suite, SweepListener listener) {
        PlatformBugResult r = measure(suite, listener);
        List<Boundary> searched = List.of(r.asIs(), r.toBe());
        SweepResult asIsCurve = Sweep.shmInUse(asIsLimits(), 0, shmMib, stepMib).named("AS-IS " + asIsLimits()
                .limitsText()).suite(suite).listener(listener).reusing(searched).killPointOnly().maxRam();
        SweepResult toBeCurve = Sweep.shmInUse(toBeLimits(), 0, shmMib, stepMib).named("TO-BE " + toBeLimits()
                .limitsText()).suite(suite).listener(listener).reusing(searched).killPointOnly().maxRam();
        return new PlatformBugResult(this, r.asIs(), r.toBe(), List.of(asIsCurve, toBeCurve));
    }

    private static Task<Boundary> search(Scenario base, SweepListener listener) {
        return new Task<>(base.name() + " max RAM", Suite.reserveOf(base.spec()),
                runner -> runner.search().listener(listener).maxRam(base.spec()));
    }

    @Override
    public String toString() {
        return "platform bug: " + requestedMib + " MiB memory and " + shmMib + " MiB shm asked, " + shmUsedMib
                + " MiB shm used; AS-IS memory " + (requestedMib - shmMib) + " MiB, TO-BE " + requestedMib + " MiB";
    }
}
