package dev.oomlab.spec;

import dev.oomlab.Oomlab;
import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.runtime.Runtime;
import dev.oomlab.search.Boundary;
import dev.oomlab.search.BoundarySearch;
import dev.oomlab.search.SearchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One container: limits, then allocation steps in order. Immutable: every call returns a new
 * scenario, so a base can be shared by many cases. Bad input fails at once, naming the field.
 */
public final class Scenario {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern IPC = Pattern.compile("private|shareable|host|none|container:[A-Za-z0-9_.-]+");

    private final String name;
    private final Size memory;
    private final Size memorySwap;
    private final ShmMount shm;
    private final boolean oomKillDisable;
    private final Size memoryReservation;
    private final Integer oomScoreAdj;
    private final String ipc;
    private final List<Step> steps;
    private final Duration timeout;
    private final Runtime runtime;

    private Scenario(String name, Size memory, Size memorySwap, ShmMount shm, boolean oomKillDisable,
                     Size memoryReservation, Integer oomScoreAdj, String ipc, List<Step> steps,
                     Duration timeout, Runtime runtime) {
        this.name = name;
        this.memory = memory;
        this.memorySwap = memorySwap;
        this.shm = shm;
        this.oomKillDisable = oomKillDisable;
        this.memoryReservation = memoryReservation;
        this.oomScoreAdj = oomScoreAdj;
        this.ipc = ipc;
        this.steps = List.copyOf(steps);
        this.timeout = timeout;
        this.runtime = runtime;
    }

    /** An empty scenario: no limits, no steps, Docker's default /dev/shm. */
    public static Scenario scenario() {
        return new Scenario(null, null, null, new ShmMount.DockerDefault(), false, null, null, null,
                List.of(), DEFAULT_TIMEOUT, null);
    }

    // ---- limits -------------------------------------------------------------------------

    public Scenario named(String newName) {
        return new Scenario(newName, memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj,
                ipc, steps, timeout, runtime);
    }

    /** {@code --memory}, e.g. "2g". */
    public Scenario memory(String size) {
        return withMemory(Size.parse("memory", size));
    }

    /** {@code --memory} in MiB. */
    public Scenario memory(int mib) {
        return withMemory(Size.mib("memory", mib));
    }

    private Scenario withMemory(Size size) {
        return new Scenario(name, size, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, ipc,
                steps, timeout, runtime);
    }

    /** {@code --memory-swap}; absent, it equals memory: no swap, as the seed's scripts run. */
    public Scenario memorySwap(String size) {
        return new Scenario(name, memory, Size.parse("memorySwap", size), shm, oomKillDisable, memoryReservation,
                oomScoreAdj, ipc, steps, timeout, runtime);
    }

    /** {@code --shm-size}. */
    public Scenario shm(String size) {
        return withShm(new ShmMount.ShmSize(Size.parse("shm", size)));
    }

    /** {@code --shm-size} in MiB. */
    public Scenario shm(int mib) {
        return withShm(new ShmMount.ShmSize(Size.mib("shm", mib)));
    }

    /** A sized tmpfs at /dev/shm, as a Kubernetes emptyDir with medium Memory and a sizeLimit. */
    public Scenario tmpfsShm(String size) {
        return withShm(new ShmMount.Tmpfs(Size.parse("tmpfsShm", size)));
    }

    /** An unsized tmpfs at /dev/shm. */
    public Scenario tmpfsShm() {
        return withShm(new ShmMount.Tmpfs(null));
    }

    private Scenario withShm(ShmMount mount) {
        return new Scenario(name, memory, memorySwap, mount, oomKillDisable, memoryReservation, oomScoreAdj, ipc,
                steps, timeout, runtime);
    }

    /** {@code --oom-kill-disable} (cgroup v1 only): the task hangs at the limit instead of dying. */
    public Scenario oomKillDisable() {
        return new Scenario(name, memory, memorySwap, shm, true, memoryReservation, oomScoreAdj, ipc, steps,
                timeout, runtime);
    }

    /** {@code --memory-reservation}: the soft limit. */
    public Scenario memoryReservation(String size) {
        return new Scenario(name, memory, memorySwap, shm, oomKillDisable, Size.parse("memoryReservation", size),
                oomScoreAdj, ipc, steps, timeout, runtime);
    }

    /** {@code --oom-score-adj}, from -1000 to 1000. */
    public Scenario oomScoreAdj(int adj) {
        if (adj < -1000 || adj > 1000) {
            throw new IllegalArgumentException("oomScoreAdj: " + adj + " is out of range (expected -1000 to 1000)");
        }
        return new Scenario(name, memory, memorySwap, shm, oomKillDisable, memoryReservation, adj, ipc, steps,
                timeout, runtime);
    }

    /** {@code --ipc}: private, shareable, host, none or container:NAME. */
    public Scenario ipc(String mode) {
        if (mode == null || !IPC.matcher(mode).matches()) {
            throw new IllegalArgumentException("ipc: invalid mode \"" + mode
                    + "\" (expected private, shareable, host, none or container:NAME)");
        }
        return new Scenario(name, memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, mode,
                steps, timeout, runtime);
    }

    /** How long the run may take before it is stopped and called TIMEOUT (or HUNG). */
    public Scenario timeout(String duration) {
        return new Scenario(name, memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, ipc,
                steps, Durations.parse("timeout", duration), runtime);
    }

    /** Runs on the given runtime instead of the default Docker engine. */
    public Scenario on(Runtime newRuntime) {
        return new Scenario(name, memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, ipc,
                steps, timeout, Objects.requireNonNull(newRuntime, "runtime"));
    }

    // ---- steps --------------------------------------------------------------------------

    public Scenario allocShm(int mib) {
        return then(new Step.AllocShm(mib));
    }

    /** Shm under a fixed segment name, so another container sharing IPC can map the same pages. */
    public Scenario allocShm(int mib, String segment) {
        return then(new Step.AllocShm(mib, segment));
    }

    public Scenario allocRam(int mib) {
        return then(new Step.AllocRam(mib));
    }

    public Scenario freeShm() {
        return then(new Step.FreeShm());
    }

    public Scenario writeFile(int mib) {
        return then(new Step.WriteFile(mib));
    }

    public Scenario sleep(String duration) {
        return then(new Step.Sleep(Durations.parse("sleep", duration)));
    }

    /** Appends any step; a freeShm with no shm allocated before it is refused. */
    public Scenario then(Step step) {
        Objects.requireNonNull(step, "step");
        if (step instanceof Step.FreeShm && !hasShmToFree()) {
            throw new IllegalArgumentException("freeShm: nothing to free (no allocShm since the last freeShm)");
        }
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Scenario(name, memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, ipc,
                more, timeout, runtime);
    }

    private boolean hasShmToFree() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof Step.FreeShm) {
                return false;
            }
            if (steps.get(i) instanceof Step.AllocShm) {
                return true;
            }
        }
        return false;
    }

    // ---- running ------------------------------------------------------------------------

    /** Checks what only makes sense as a whole; throws naming the field and value. */
    public Scenario validate() {
        if (memory == null) {
            throw new IllegalArgumentException(
                    "memory: no memory limit set (a scenario without one could exhaust the host)");
        }
        if (memorySwap != null && memorySwap.compareTo(memory) < 0) {
            throw new IllegalArgumentException("memorySwap: \"" + memorySwap + "\" is below memory \"" + memory
                    + "\" (it counts memory plus swap)");
        }
        if (memoryReservation != null && memoryReservation.compareTo(memory) > 0) {
            throw new IllegalArgumentException("memoryReservation: \"" + memoryReservation
                    + "\" is above memory \"" + memory + "\" (a soft limit must be below the hard one)");
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps: the scenario has no step (add allocShm, allocRam, ...)");
        }
        return this;
    }

    /** Runs the scenario in a real container and returns what happened, without judging it. */
    public Result run() {
        return run(RunListener.NONE);
    }

    public Result run(RunListener listener) {
        Scenario valid = validate(); // before the runtime: bad input never reaches an engine
        return runtime().run(valid, listener).withPrediction(valid.predict());
    }

    /** Runs and fails with a message naming expected and observed outcome when they differ. */
    public Result expect(Outcome expected) {
        Result result = run();
        if (result.outcome() != expected) {
            throw new AssertionError("expected " + expected + " but observed " + result.outcome() + ": "
                    + result.headline());
        }
        return result;
    }

    public Runtime runtime() {
        return runtime != null ? runtime : Oomlab.runtime();
    }

    // ---- model and boundary search (dev.oomlab.model, dev.oomlab.search) -----------------

    /** What the limit model (the seed's rules) says this scenario does, without running anything. */
    public Outcome predict() {
        return LimitModel.SEED.outcome(this);
    }

    /** The largest app RAM that, appended after these steps, still ends OK: measured by bisection. */
    public Boundary maxRam() {
        return maxRam(SearchListener.NONE);
    }

    public Boundary maxRam(SearchListener listener) {
        return BoundarySearch.on(runtime()).listener(listener).maxRam(this);
    }

    /** The largest shm that, appended after these steps, still ends OK: measured by bisection. */
    public Boundary maxShm() {
        return maxShm(SearchListener.NONE);
    }

    public Boundary maxShm(SearchListener listener) {
        return BoundarySearch.on(runtime()).listener(listener).maxShm(this);
    }

    // ---- accessors ----------------------------------------------------------------------

    public String name() {
        return name;
    }

    public Size memory() {
        return memory;
    }

    /** The effective memory+swap: absent means equal to memory. */
    public Size memorySwap() {
        return memorySwap != null ? memorySwap : memory;
    }

    public boolean memorySwapSet() {
        return memorySwap != null;
    }

    public ShmMount shmMount() {
        return shm;
    }

    public boolean oomKillDisabled() {
        return oomKillDisable;
    }

    public Size memoryReservation() {
        return memoryReservation;
    }

    public Integer oomScoreAdj() {
        return oomScoreAdj;
    }

    public String ipcMode() {
        return ipc;
    }

    public List<Step> steps() {
        return steps;
    }

    public Duration timeout() {
        return timeout;
    }

    /** "memory 2g, shm 1g" and the other limits that are set. */
    public String limitsText() {
        StringJoiner j = new StringJoiner(", ");
        j.add("memory " + (memory == null ? "unset" : memory));
        if (memorySwap != null) {
            j.add("memory-swap " + memorySwap);
        }
        j.add("shm " + shm.describe());
        if (oomKillDisable) {
            j.add("oom-kill-disable");
        }
        if (memoryReservation != null) {
            j.add("reservation " + memoryReservation);
        }
        if (oomScoreAdj != null) {
            j.add("oom-score-adj " + oomScoreAdj);
        }
        if (ipc != null) {
            j.add("ipc " + ipc);
        }
        return j.toString();
    }

    /** "shm 800 + ram 1300" (MiB), in order. */
    public String stepsText() {
        StringJoiner j = new StringJoiner(", then ");
        steps.forEach(s -> j.add(s.label()));
        return steps.isEmpty() ? "(no steps)" : j.toString();
    }

    @Override
    public String toString() {
        return (name != null ? name + ": " : "") + limitsText() + " | " + stepsText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && Objects.equals(name, s.name) && Objects.equals(memory, s.memory)
                && Objects.equals(memorySwap, s.memorySwap) && shm.equals(s.shm) && oomKillDisable == s.oomKillDisable
                && Objects.equals(memoryReservation, s.memoryReservation) && Objects.equals(oomScoreAdj, s.oomScoreAdj)
                && Objects.equals(ipc, s.ipc) && steps.equals(s.steps) && timeout.equals(s.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, ipc,
                steps, timeout);
    }
}
