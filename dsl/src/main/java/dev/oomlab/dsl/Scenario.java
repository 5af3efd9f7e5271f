package dev.oomlab.dsl;

import dev.oomlab.host.Host;
import dev.oomlab.kubernetes.PodManifest;
import dev.oomlab.kubernetes.ProbePod;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.run.Runner;
import dev.oomlab.run.SearchListener;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.CgroupV2;
import dev.oomlab.spec.Durations;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ProcessSpec;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.ShmMount;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One container, as users write it: limits, then allocation steps in order, then a verb
 * ({@code run()}, {@code expect(OOM)}, {@code maxRam()}, {@code predict()}). Immutable: every
 * call returns a new scenario, so a base can be shared by many cases. Bad input fails at once,
 * naming the field. The data is a {@link ScenarioSpec}; the verbs go through one {@link Runner}.
 */
public final class Scenario {

    private final ScenarioSpec spec;
    private final Host host;

    private Scenario(ScenarioSpec spec, Host host) {
        this.spec = spec;
        this.host = host;
    }

    /** An empty scenario: no limits, no steps, Docker's default /dev/shm. */
    public static Scenario scenario() {
        return new Scenario(ScenarioSpec.empty(), null);
    }

    /**
     * A scenario with a pod's limits: {@code resources.limits.memory} as the memory limit and an
     * emptyDir of medium Memory at /dev/shm as a tmpfs /dev/shm (sized by its sizeLimit). The pod
     * must have one container; add the allocations as steps. {@code fileOrYaml} is a path or YAML.
     */
    public static Scenario fromPod(String fileOrYaml) {
        PodManifest pod = PodManifest.read(fileOrYaml);
        return scenario().named(pod.name()).limits(pod.limits());
    }

    /** The same for the named container of a pod with several. */
    public static Scenario fromPod(String fileOrYaml, String container) {
        PodManifest pod = PodManifest.read(fileOrYaml);
        return scenario().named(pod.name() == null ? container : pod.name() + "/" + container)
                .limits(pod.limits(container));
    }

    /** A scenario with the given data, on the default runtime. */
    public static Scenario of(ScenarioSpec spec) {
        return new Scenario(Objects.requireNonNull(spec, "spec"), null);
    }

    private Scenario with(Limits limits) {
        return new Scenario(spec.withLimits(limits), host);
    }

    // ---- limits -------------------------------------------------------------------------

    public Scenario named(String newName) {
        return new Scenario(spec.withName(newName), host);
    }

    /** {@code --memory}, e.g. "2g". */
    public Scenario memory(String size) {
        return with(limits().withMemory(Size.parse("memory", size)));
    }

    /** {@code --memory} in MiB. */
    public Scenario memory(int mib) {
        return with(limits().withMemory(Size.mib("memory", mib)));
    }

    /** {@code --memory-swap}; absent, it equals memory: no swap, as the seed's scripts run. */
    public Scenario memorySwap(String size) {
        return with(limits().withMemorySwap(Size.parse("memorySwap", size)));
    }

    /** {@code --shm-size}. */
    public Scenario shm(String size) {
        return with(limits().withShm(new ShmMount.ShmSize(Size.parse("shm", size))));
    }

    /** {@code --shm-size} in MiB. */
    public Scenario shm(int mib) {
        return with(limits().withShm(new ShmMount.ShmSize(Size.mib("shm", mib))));
    }

    /** A sized tmpfs at /dev/shm, as a Kubernetes emptyDir with medium Memory and a sizeLimit. */
    public Scenario tmpfsShm(String size) {
        return with(limits().withShm(new ShmMount.Tmpfs(Size.parse("tmpfsShm", size))));
    }

    /** An unsized tmpfs at /dev/shm. */
    public Scenario tmpfsShm() {
        return with(limits().withShm(new ShmMount.Tmpfs(null)));
    }

    /** {@code --oom-kill-disable}: the task hangs at the limit instead of dying (cgroup v1). */
    public Scenario oomKillDisable() {
        return with(limits().withOomKillDisable(true));
    }

    /** {@code --memory-reservation}: the soft limit. */
    public Scenario memoryReservation(String size) {
        return with(limits().withMemoryReservation(Size.parse("memoryReservation", size)));
    }

    /** {@code --oom-score-adj}, from -1000 to 1000. */
    public Scenario oomScoreAdj(int adj) {
        return with(limits().withOomScoreAdj(adj));
    }

    /** {@code --ipc}: private, shareable, host, none or container:NAME. */
    public Scenario ipc(String mode) {
        return with(limits().withIpc(mode));
    }

    /** {@code --kernel-memory}: deprecated by Docker 20.10, and what this kernel does with it is E21's question. */
    public Scenario kernelMemory(String size) {
        return with(limits().withKernelMemory(Size.parse("kernelMemory", size)));
    }

    /**
     * memory.high (cgroup v2): above it the container is throttled and reclaimed, not killed; Kubernetes'
     * memory QoS sets it to 0.8 x the limit. Docker has no flag for it: the lab writes the file.
     */
    public Scenario memoryHigh(String size) {
        return cgroupV2(limits().cgroupV2().withHigh(Size.parse("memoryHigh", size)));
    }

    /** memory.min (cgroup v2): memory no reclaim takes from the container, whatever the pressure. */
    public Scenario memoryMin(String size) {
        return cgroupV2(limits().cgroupV2().withMin(Size.parse("memoryMin", size)));
    }

    /** memory.low (cgroup v2): memory reclaim takes only when nothing unprotected is left. */
    public Scenario memoryLow(String size) {
        return cgroupV2(limits().cgroupV2().withLow(Size.parse("memoryLow", size)));
    }

    /** memory.oom.group = 1 (cgroup v2): an OOM kill takes every process of the container. */
    public Scenario oomGroup() {
        return cgroupV2(limits().cgroupV2().withOomGroup(true));
    }

    /**
     * Runs the container under a cgroup of the lab's, directly below the root, that carries the same
     * memory.min and memory.low: a cgroup's protection is capped by its ancestors', and Docker's own
     * parent cgroup has none (Kubernetes gives its pod and QoS cgroups the protection too).
     */
    public Scenario parentProtected() {
        return cgroupV2(limits().cgroupV2().withParentProtected(true));
    }

    private Scenario cgroupV2(CgroupV2 settings) {
        return with(limits().withCgroupV2(settings));
    }

    /** These limits instead of the current ones, the steps kept (a case with a mount of its own). */
    public Scenario limits(Limits newLimits) {
        return with(Objects.requireNonNull(newLimits, "limits"));
    }

    /** How long the run may take before it is stopped and called TIMEOUT (or HUNG). */
    public Scenario timeout(String duration) {
        return with(limits().withTimeout(Durations.parse("timeout", duration)));
    }

    /** Runs on the given host ({@code Hosts.vm()...start()}, {@code Hosts.docker(uri)}) instead of this machine's engine. */
    public Scenario on(Host newHost) {
        return new Scenario(spec, Objects.requireNonNull(newHost, "host"));
    }

    /** Runs on a runtime that is already connected. */
    public Scenario on(ContainerRuntime runtime) {
        return on(Host.of(Objects.requireNonNull(runtime, "runtime").environment().host(), runtime));
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

    /** RAM touched until the OOM kill (at most {@code ceilingMib}): the result says how far it got, to the page. */
    public Scenario allocRamUntilKilled(int ceilingMib) {
        return then(Step.UntilKilled.ram(ceilingMib));
    }

    /** Shm touched until the kill or SIGBUS (at most {@code ceilingMib}); see {@link #allocRamUntilKilled}. */
    public Scenario allocShmUntilKilled(int ceilingMib) {
        return then(Step.UntilKilled.shm(ceilingMib));
    }

    public Scenario freeShm() {
        return then(new Step.FreeShm());
    }

    public Scenario writeFile(int mib) {
        return then(new Step.WriteFile(mib));
    }

    /** Clean page cache: a file written, synced, dropped from the cache, then read back ({@code writeFile} stays dirty). */
    public Scenario readFile(int mib) {
        return then(new Step.ReadFile(mib));
    }

    /**
     * Tells the containers that wait for it ({@link #await}) that this one got here. Containers see
     * each other's signals through one /dev/shm: the waiting one joins this one's IPC
     * ({@code ipc("container:NAME")}), as in {@code Scenarios.alongside}.
     */
    public Scenario signal(String name) {
        return then(new Step.Signal(name));
    }

    /** Waits for another container's {@link #signal} of this name, at most 120 s, then goes on either way. */
    public Scenario await(String name) {
        return then(new Step.Await(name));
    }

    /** Waits for another container's {@link #signal}, at most {@code max} ("30s"), then goes on either way. */
    public Scenario await(String name, String max) {
        return then(new Step.Await(name, Durations.parse("await", max)));
    }

    /** sync(2): what {@code writeFile} left dirty is written back and becomes clean cache. */
    public Scenario sync() {
        return then(new Step.Sync());
    }

    public Scenario sleep(String duration) {
        return then(new Step.Sleep(Durations.parse("sleep", duration)));
    }

    /** What {@code df} would show for a path: statfs's size and available bytes, reported by the probe. */
    public Scenario statfs(String path) {
        return then(new Step.StatFs(path));
    }

    /**
     * A process of its own in the same container, with its own steps and oom_score_adj, run at the
     * same time as the scenario's other processes:
     * {@code scenario().memory("512m").process("big", p -> p.allocRam(300).signal("big").hold())
     *                                 .process("small", p -> p.oomScoreAdj(1000).await("big").allocRam(250).hold())}.
     * A process that ends with {@code hold()} keeps its memory until every process has ended or holds;
     * the result then says which process died, by which signal, and how far each got.
     */
    public Scenario process(String name, UnaryOperator<ProcessSpec> steps) {
        ProcessSpec p = Objects.requireNonNull(steps, "steps").apply(ProcessSpec.named(name));
        return new Scenario(spec.withProcess(p), host);
    }

    /** Appends any step; a freeShm with no shm allocated before it is refused. */
    public Scenario then(Step step) {
        return new Scenario(spec.then(step), host);
    }

    // ---- verbs --------------------------------------------------------------------------

    /** Checks what only makes sense as a whole; throws naming the field and value. */
    public Scenario validate() {
        spec.validate();
        return this;
    }

    /** Runs the scenario in a real container and returns what happened, without judging it. */
    public Result run() {
        return run(RunListener.NONE);
    }

    public Result run(RunListener listener) {
        return runner().run(spec, listener);
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

    /** What the limit model (the seed's rules) says this scenario does, without running anything. */
    public Outcome predict() {
        return runner().predict(spec).outcome();
    }

    /** The largest app RAM that, appended after these steps, still ends OK: measured, to 1 MiB. */
    public Boundary maxRam() {
        return maxRam(SearchListener.NONE);
    }

    public Boundary maxRam(SearchListener listener) {
        return runner().search().listener(listener).maxRam(spec);
    }

    /** The largest shm that, appended after these steps, still ends OK: measured, to 1 MiB. */
    public Boundary maxShm() {
        return maxShm(SearchListener.NONE);
    }

    public Boundary maxShm(SearchListener listener) {
        return runner().search().listener(listener).maxShm(spec);
    }

    /** The runner this scenario's verbs use: on its host, or the default one. */
    public Runner runner() {
        return Runner.on(host);
    }

    /**
     * A pod manifest (YAML) that runs the probe with these limits and steps on a real cluster; the
     * image is the probe image loaded onto the node (see notebooks/README.md).
     */
    public String toPod(String image) {
        return ProbePod.yaml(spec, image);
    }

    /** The same with this lab's probe image ({@code oomlab-probe:<hash>}, as {@code docker save} names it). */
    public String toPod() {
        return toPod(ProbePod.probeImage());
    }

    // ---- accessors ----------------------------------------------------------------------

    /** The plain data: limits, steps and name. */
    public ScenarioSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public Limits limits() {
        return spec.limits();
    }

    public List<Step> steps() {
        return spec.steps();
    }

    /** The processes of a scenario with several; empty for one process. */
    public List<ProcessSpec> processes() {
        return spec.processes();
    }

    public String limitsText() {
        return spec.limitsText();
    }

    public String stepsText() {
        return spec.stepsText();
    }

    @Override
    public String toString() {
        return spec.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && spec.equals(s.spec) && Objects.equals(host, s.host);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }
}
