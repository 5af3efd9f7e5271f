package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Volume;
import dev.oomlab.probe.ProbeBinary;
import dev.oomlab.probe.ProbeCommand;
import dev.oomlab.result.Environment;
import dev.oomlab.result.HostFingerprint;
import dev.oomlab.result.Observation;
import dev.oomlab.result.Result;
import dev.oomlab.result.Results;
import dev.oomlab.runtime.ActiveRuns;
import dev.oomlab.runtime.HostMemory;
import dev.oomlab.runtime.HostVmstat;
import dev.oomlab.result.Reclaim;
import dev.oomlab.runtime.Owner;
import dev.oomlab.runtime.RunCancelledException;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs scenarios as containers of the probe image on a Docker engine: create with the limits,
 * start, follow the probe's lines, wait (watching for a hang), inspect, and always remove.
 */
public final class DockerRuntime implements ContainerRuntime {

    public static final String LABEL_RUN = "oomlab.run";
    public static final String LABEL_OWNER = "oomlab.owner";
    public static final String LABEL_SCENARIO = "oomlab.scenario";
    /**
     * The job a container belongs to: {@value #JOB_ENV} when set (verify's notebook kernels
     * inherit it, so one job's containers carry one label across processes), else the run id.
     */
    public static final String LABEL_JOB = "oomlab.job";
    /** The environment variable naming the job, for {@link #LABEL_JOB}. */
    public static final String JOB_ENV = "OOMLAB_JOB";
    /** Memory kept back for the host itself when deciding what a scenario may ask for. */
    public static final long HOST_RESERVE_BYTES = 1024L * Size.MIB;
    private static final long POLL_MILLIS = 100;
    /**
     * The host-side check of a hang, a fallback for a local engine only: the probe's supervisor
     * finds a stall itself about a second in (its "hung" line), so this waits longer.
     */
    private static final long HUNG_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(5000);

    private final DockerClient docker;
    private final String name;
    private final boolean local;
    private final ProbeImage image;
    private final String runId;
    private final Owner owner = Owner.current();
    private final AtomicLong sequence = new AtomicLong();
    private final int reaped;
    private final Removals removals = new Removals();
    /** The sum of the memory limits of this runtime's runs in flight. */
    private final AtomicLong liveLimitBytes = new AtomicLong();
    private volatile Environment environment;
    /** The host's swap when the lab knows it otherwise (a VM it booted with a swap disk); -1 unknown. */
    private volatile long knownSwapBytes = -1;
    private volatile boolean labOwned;

    /** A runtime on the engine of this machine (DOCKER_HOST or the local socket), named "local". */
    public DockerRuntime(DockerClient docker) {
        this(docker, "local", true);
    }

    /**
     * @param name  the host's name in results ("local", "vm", an address)
     * @param local whether the engine runs on this machine, so its memory and cgroup files are ours to read
     */
    public DockerRuntime(DockerClient docker, String name, boolean local) {
        this.docker = docker;
        this.name = name;
        this.local = local;
        this.image = new ProbeImage(ProbeBinary.load());
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.reaped = Reaper.reap(docker);
    }

    /** Connects to the local engine (or DOCKER_HOST). */
    public static DockerRuntime connect() {
        return connect(DockerEndpoint.fromEnvironment(), "local");
    }

    /** Connects to any engine; {@code name} is how results name the host. */
    public static DockerRuntime connect(DockerEndpoint endpoint, String name) {
        DockerClient client = DockerClients.connect(endpoint);
        return new DockerRuntime(client, name, endpoint.isLocal() && LocalKernel.runs(client));
    }

    public String name() {
        return name;
    }

    public String runId() {
        return runId;
    }

    /** The value of {@link #LABEL_JOB} on this runtime's containers. */
    public String jobId() {
        String job = System.getenv(JOB_ENV);
        return job == null || job.isBlank() ? runId : job.strip();
    }

    /** Leftover containers this runtime removed when it started. */
    public int reapedAtStart() {
        return reaped;
    }

    public DockerClient client() {
        return docker;
    }

    public String imageReference() {
        return image.reference();
    }

    /**
     * This engine runs on a VM the lab booted, with this swap disk: read into {@link #environment()}
     * where the engine's info says unknown (a remote engine's swap is not in it), and the host is the
     * lab's own (see {@link #labOwnedHost()}).
     */
    public DockerRuntime onLabVm(long swapBytes) {
        knownSwapBytes = swapBytes;
        labOwned = true;
        environment = null;
        return this;
    }

    @Override
    public boolean labOwnedHost() {
        return labOwned;
    }

    @Override
    public Environment environment() {
        Environment env = environment;
        if (env == null) {
            env = EnvironmentReader.read(docker, name, local);
            if (env.hostSwapBytes() < 0 && knownSwapBytes >= 0) {
                env = new Environment(env.host(), env.kernel(), env.cgroupVersion(), env.dockerVersion(),
                        env.dockerApiVersion(), env.runtime(), env.os(), env.architecture(), env.hostMemoryBytes(),
                        knownSwapBytes);
            }
            environment = env;
        }
        return env;
    }

    /**
     * The environment plus what a comparison of hosts needs: the storage driver from the engine,
     * THP and PSI from this machine's files when the engine is local (a remote kernel's are not
     * visible through the Docker API, and say so).
     */
    public HostFingerprint fingerprint() {
        Environment env = environment();
        String driver = docker.infoCmd().exec().getDriver();
        String remote = "unknown (not visible through the Docker API)";
        return new HostFingerprint(env, driver == null ? "unknown" : driver, env.hostSwapBytes(),
                local ? LocalKernel.thpMode() : remote, local ? LocalKernel.psi() : remote);
    }

    @Override
    public boolean onThisMachine() {
        return local;
    }

    @Override
    public long availableMemoryBytes() {
        // a remote engine's free memory is not in its info: its total is the best bound there is
        long here = local ? HostMemory.availableBytes() : -1;
        return here > 0 ? here : environment().hostMemoryBytes();
    }

    @Override
    public Result run(ScenarioSpec scenario, RunListener listener) {
        checkHostCanGive(scenario);
        checkCgroupV2(scenario);
        String reference = image.ensure(docker);
        // the host's side of reclaim: only an engine on this machine has its /proc/vmstat here
        Map<String, Long> vmstatBefore = local ? HostVmstat.read() : Map.of();
        long started = System.nanoTime();
        String name = "oomlab-" + runId + "-" + sequence.incrementAndGet();
        // registered before the container exists: an interrupt mid-create removes it by its name
        Object key = new Object();
        AtomicBoolean cancelled = new AtomicBoolean();
        ActiveRuns.register(key, () -> {
            cancelled.set(true);
            remove(name);
        });
        boolean observed = false;
        long limit = scenario.limits().memory().bytes();
        liveLimitBytes.addAndGet(limit);
        try {
            CreateContainerResponse created;
            try {
                created = create(scenario, reference, name);
            } catch (BadRequestException e) {
                // the engine's own validation (e.g. a memory limit below its minimum): shown as it answered
                return Results.from(scenario, Observation.refused(EngineAnswer.message(e), elapsed(started)),
                        environment(), runId, "");
            } catch (DockerException e) {
                return Results.from(scenario, failure("Docker refused to create the container: " + e.getMessage(),
                        started), environment(), runId, "");
            }
            String containerId = created.getId();
            List<String> warnings = created.getWarnings() == null ? List.of() : List.of(created.getWarnings());
            Observation observation = observe(scenario, containerId, listener, started, cancelled)
                    .withWarnings(warnings);
            Map<String, Long> vmstatAfter = local ? HostVmstat.read() : Map.of();
            observation = observation.withHost(Reclaim.none().withHost(vmstatBefore, vmstatAfter, local
                    ? (vmstatAfter.isEmpty() ? "/proc/vmstat could not be read" : null)
                    : "the engine \"" + this.name + "\" is not on this machine: its host's /proc/vmstat cannot be read from here"));
            observed = true;
            return Results.from(scenario, observation, environment(), runId, name);
        } finally {
            liveLimitBytes.addAndGet(-limit);
            if (observed) {
                removals.later(() -> {
                    remove(name);
                    ActiveRuns.unregister(key);
                });
            } else { // refused, cancelled, interrupted or stopped: remove now (by name: there may be no id yet)
                ActiveRuns.unregister(key);
                remove(name);
            }
        }
    }

    /** Names of this run's containers still on the engine, running or not: none once its removals are done. */
    public List<String> leftovers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL_RUN, runId)).exec()
                .stream().map(c -> c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0])
                .toList();
    }

    /**
     * Waits until the containers of finished runs are removed (they are removed in the
     * background, so that a result does not wait for it). Tests and the CLI call it before they
     * check for leftovers or exit.
     */
    public boolean awaitRemovals(Duration timeout) {
        try {
            return removals.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Refuses a limit the host cannot give. What this runtime's own live runs hold counts as
     * available: they are bounded by their limits, and a suite keeps their sum inside its budget.
     */
    private void checkHostCanGive(ScenarioSpec s) {
        long available = availableMemoryBytes() + liveLimitBytes.get() - HOST_RESERVE_BYTES;
        if (available > 0 && s.limits().memory().bytes() > available) {
            throw new IllegalArgumentException(String.format(
                    "memory: \"%s\" is more than this host can give (%d MiB available after a %d MiB reserve)",
                    s.limits().memory(), available / Size.MIB, HOST_RESERVE_BYTES / Size.MIB));
        }
    }

    /** The files of {@link dev.oomlab.spec.CgroupV2} exist only on cgroup v2: refused before a container starts. */
    private void checkCgroupV2(ScenarioSpec s) {
        int version = environment().cgroupVersion();
        if (!s.limits().cgroupV2().isEmpty() && version != 2) {
            throw new IllegalArgumentException("cgroupV2: \"" + s.limits().cgroupV2().text() + "\" needs cgroup v2, and the "
                    + "engine \"" + name + "\" reports " + (version <= 0 ? "no known cgroup version" : "cgroup v" + version)
                    + " (a cgroup v2 host: Hosts.vm())");
        }
    }

    private CreateContainerResponse create(ScenarioSpec scenario, String reference, String name) {
        CreateContainerResponse created = docker.createContainerCmd(reference)
                .withName(name)
                .withCmd(ProbeCommand.argv(scenario))
                .withUser(ContainerSpec.user(scenario))
                .withLabels(Map.of(
                        LABEL_RUN, runId,
                        LABEL_JOB, jobId(),
                        LABEL_OWNER, owner.label(),
                        LABEL_SCENARIO, truncate(scenario.toString(), 512)))
                .withVolumes(new Volume(ProbeCommand.SCRATCH_DIR))
                .withHostConfig(ContainerSpec.hostConfig(scenario))
                .exec();
        return created;
    }

    private Observation observe(ScenarioSpec scenario, String id, RunListener listener, long started,
                                AtomicBoolean cancelled) {
        ProbeOutput output = new ProbeOutput(scenario, listener);
        WaitContainerResultCallback waiter = new WaitContainerResultCallback();
        try {
            docker.startContainerCmd(id).exec();
            listener.started(scenario, id);
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(output);
            docker.waitContainerCmd(id).exec(waiter);
            long deadline = started + scenario.limits().timeout().toNanos();
            boolean exited = false;
            boolean hung = false;
            InspectContainerResponse.ContainerState state = null;
            while (!exited) {
                if (waiter.awaitCompletion(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    state = docker.inspectContainerCmd(id).exec().getState();
                    exited = !Boolean.TRUE.equals(state.getRunning());
                    if (!exited) {
                        // the wait stream ended early (seen once under load): ask again
                        closeQuietly(waiter);
                        waiter = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
                    }
                }
                if (cancelled.get()) {
                    throw cancelled(id);
                }
                if (!exited && scenario.limits().oomKillDisable() && !output.sawHung()
                        && output.nanosSinceLastEvent() > HUNG_AFTER_NANOS && local && HostCgroup.underOom(id)) {
                    hung = true;
                    break;
                }
                if (!exited && System.nanoTime() > deadline) {
                    hung = scenario.limits().oomKillDisable() && local && HostCgroup.underOom(id);
                    break;
                }
            }
            if (!exited) {
                remove(id);
                closeQuietly(output);
                return Observation.timedOut(hung, output.report(), elapsed(started));
            }
            output.awaitCompletion(5, TimeUnit.SECONDS);
            Long exit = state.getExitCodeLong();
            return Observation.exited(exit == null ? null : exit.intValue(), Boolean.TRUE.equals(state.getOOMKilled()),
                    output.report(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("run interrupted: container " + shortId(id) + " removed");
        } catch (NotFoundException e) {
            if (cancelled.get()) {
                throw cancelled(id);
            }
            return failure("the container disappeared: " + e.getMessage(), started);
        } catch (DockerException e) {
            if (cancelled.get()) {
                throw cancelled(id);
            }
            return failure("Docker failed while running the container: " + e.getMessage(), started);
        } finally {
            closeQuietly(waiter);
            closeQuietly(output);
        }
    }

    private static RunCancelledException cancelled(String id) {
        return new RunCancelledException("run cancelled: container " + shortId(id) + " removed");
    }

    private static String shortId(String id) {
        return id.substring(0, 12);
    }

    private static Observation failure(String message, long started) {
        return Observation.failed(message, elapsed(started));
    }

    /**
     * Removes the container and its scratch volume; safe on an interrupted thread. A removal that
     * fails here (a second interrupt can break the request mid-flight) is retried on the removal
     * threads, which nothing interrupts, so awaitRemovals still covers it.
     */
    private void remove(String id) {
        // An interrupted thread's socket I/O fails at once, which would leave the container behind:
        // clear the flag for the removal and restore it after.
        boolean interrupted = Thread.interrupted();
        try {
            if (!tryRemove(id)) {
                removals.later(() -> removeWithRetries(id));
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when the container is gone or going; false when the engine could not be asked. */
    private boolean tryRemove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException alreadyGone) {
            return true; // removed by a cancel or by the reaper
        } catch (ConflictException inProgress) {
            return true; // a removal already in progress: the container is going away anyway
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void removeWithRetries(String id) {
        for (int attempt = 0; attempt < 5 && !tryRemove(id); attempt++) {
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void closeQuietly(ResultCallback<?> callback) {
        try {
            callback.close();
        } catch (Exception ignored) {
            // closing a finished stream
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void close() {
        awaitRemovals(Duration.ofSeconds(30));
        removals.shutdown();
        try {
            docker.close();
        } catch (Exception ignored) {
            // the connection is going away with the runtime
        }
    }

}
