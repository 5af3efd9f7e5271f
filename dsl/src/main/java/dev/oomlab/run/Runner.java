package dev.oomlab.run;

import dev.oomlab.host.Host;
import dev.oomlab.host.Hosts;
import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Prediction;
import dev.oomlab.result.Result;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.result.SetResult;
import dev.oomlab.spec.ScenarioSet;
import dev.oomlab.spec.ScenarioSpec;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one place that runs a scenario: it validates before anything reaches an engine, picks the
 * host (this machine's Docker engine unless given one), runs, and attaches the limit
 * model's prediction once. Every verb (a scenario's {@code run()}, a suite, a search, a sweep, a
 * hypothesis) runs through a runner, so a result always carries the same prediction.
 */
public final class Runner {

    /** Replaces this machine's engine as the default (tests, an engine of the user's choice). */
    private static volatile ContainerRuntime replacedDefault;

    private final Host host;
    private final LimitModel model;

    private Runner(Host host, LimitModel model) {
        this.host = host;
        this.model = model;
    }

    /** A runner on the default host, connected when first used. */
    public static Runner defaults() {
        return new Runner(null, LimitModel.SEED);
    }

    /** A runner on the given host, or on the default one when null. */
    public static Runner on(Host host) {
        return new Runner(host, LimitModel.SEED);
    }

    /** A runner on a runtime that is already connected. */
    public static Runner on(ContainerRuntime runtime) {
        return on(runtime == null ? null : Host.of(runtime.environment().host(), runtime));
    }

    public ContainerRuntime runtime() {
        return host != null ? host.runtime() : defaultRuntime();
    }

    public LimitModel model() {
        return model;
    }

    /**
     * Runs one scenario, or takes its result from the process's {@link ResultStore} when that
     * already holds one for the same scenario on the same host (then marked reused); the result
     * carries the model's prediction.
     */
    public Result run(ScenarioSpec scenario, RunListener listener) {
        ScenarioSpec checked = scenario.validate(); // before the runtime: bad input never reaches an engine
        ScenarioSpec valid = host != null ? host.adapt(checked) : checked;
        ContainerRuntime rt = runtime();
        return ResultStore.current().resultOf(valid, host(rt), () -> rt.run(valid, listener))
                .withPrediction(model.predict(valid));
    }

    /**
     * Runs a container of a set: {@code context} (the set, the container's place in it) joins the
     * store's key; {@code atStart} gives the spec its engine-side form (the id of the container it
     * joins) just before it runs, while the result keeps the spec as written; {@code modelled} is
     * what the model is asked about (a container joining another's IPC has that one's /dev/shm).
     */
    Result runInSet(ScenarioSpec scenario, String context, UnaryOperator<ScenarioSpec> atStart,
                    ScenarioSpec modelled, RunListener listener) {
        ScenarioSpec checked = scenario.validate();
        ScenarioSpec valid = host != null ? host.adapt(checked) : checked;
        ContainerRuntime rt = runtime();
        return ResultStore.current().resultInSet(valid, context, host(rt),
                        () -> rt.run(atStart.apply(valid), listener).withScenario(valid))
                .withPrediction(model.predict(modelled));
    }

    /** Whether the store answers for this container of a set without running it. */
    boolean stored(ScenarioSpec scenario, String context) {
        ScenarioSpec valid = host != null ? host.adapt(scenario) : scenario;
        return ResultStore.current().holds(valid, context, host(runtime()));
    }

    /**
     * Runs several containers, checked as a whole before any starts: in order, or alongside, each
     * result kept; the containers are removed even on interrupt, and a segment left in the host's
     * /dev/shm by a container with ipc host is removed after.
     */
    public SetResult run(ScenarioSet set, RunListener listener) {
        return new SetRunner(this).run(set.validate(), listener);
    }

    public SetResult run(ScenarioSet set) {
        return run(set, RunListener.NONE);
    }

    /** Where a runtime's results are observed, as a store tells hosts apart: this machine and its engine. */
    static String host(ContainerRuntime rt) {
        return LocalHost.NAME + " " + rt.environment().describe();
    }

    /** This machine's name, looked up once. */
    private static final class LocalHost {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "localhost"; // no name to tell it apart: the engine's description still does
            }
        }
    }

    public Result run(ScenarioSpec scenario) {
        return run(scenario, RunListener.NONE);
    }

    public Prediction predict(ScenarioSpec scenario) {
        return model.predict(scenario);
    }

    /** Boundary searches through this runner. */
    public BoundarySearch search() {
        return BoundarySearch.with(this);
    }

    // ---- the default runtime: the local Docker engine, unless replaced -----------------------

    /** The runtime scenarios use unless told otherwise: this machine's Docker engine, connected lazily. */
    public static ContainerRuntime defaultRuntime() {
        ContainerRuntime r = replacedDefault;
        return r != null ? r : Hosts.local().runtime();
    }

    /** Replaces the default runtime (tests, another engine). */
    public static synchronized void useDefault(ContainerRuntime newRuntime) {
        replacedDefault = Objects.requireNonNull(newRuntime, "runtime");
    }

    /** Closes the default runtime, if one was connected: waits for pending removals. */
    public static synchronized void shutdownDefault() {
        ContainerRuntime r = replacedDefault;
        replacedDefault = null;
        if (r != null) {
            r.close();
        }
        Hosts.closeLocal();
    }

    @Override
    public String toString() {
        return "Runner(" + (host != null ? host.name() : "default host") + ")";
    }
}
