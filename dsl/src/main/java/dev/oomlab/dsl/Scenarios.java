package dev.oomlab.dsl;

import dev.oomlab.result.SetResult;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.ScenarioSet;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Several containers in one scenario, each a named {@link Scenario}:
 * {@code Scenarios.alongside(scenario().named("writer").memory("512m").ipc("shareable").allocShm(300, "seg").sleep("6s"),
 *                            scenario().named("reader").memory("128m").ipc("container:writer").sleep("2s").allocShm(300, "seg"))}
 * or {@code Scenarios.inOrder(first, second)}. {@code run()} checks the whole set before any
 * container starts and returns each container's result; the containers run on the first one's host.
 */
public final class Scenarios {

    private final ScenarioSet set;
    private final List<Scenario> containers;

    private Scenarios(ScenarioSet set, List<Scenario> containers) {
        this.set = set;
        this.containers = containers;
    }

    /** Each container starts when the one before has ended: e.g. the same segment mapped twice with ipc host. */
    public static Scenarios inOrder(Scenario... containers) {
        return of(false, containers);
    }

    /**
     * All at once, each started once the one before is running: e.g. one container joining
     * another's IPC with {@code ipc("container:NAME")}.
     */
    public static Scenarios alongside(Scenario... containers) {
        return of(true, containers);
    }

    private static Scenarios of(boolean alongside, Scenario... containers) {
        List<Scenario> list = Arrays.stream(Objects.requireNonNull(containers, "containers"))
                .map(c -> Objects.requireNonNull(c, "containers: a container is null")).toList();
        return new Scenarios(new ScenarioSet(null, list.stream().map(Scenario::spec).toList(), alongside), list);
    }

    public Scenarios named(String name) {
        return new Scenarios(set.withName(name), containers);
    }

    /** The same containers on that host ({@code Hosts.vm()...}): a set runs on one host. */
    public Scenarios on(dev.oomlab.host.Host host) {
        return new Scenarios(set, containers.stream().map(c -> c.on(host)).toList());
    }

    /** Checks the set as a whole; throws naming the field and value. */
    public Scenarios validate() {
        set.validate();
        return this;
    }

    /** Runs every container and returns what each one did. */
    public SetResult run() {
        return run(RunListener.NONE);
    }

    public SetResult run(RunListener listener) {
        set.validate(); // before a runtime is looked up: bad input never reaches an engine
        return containers.get(0).runner().run(set, listener);
    }

    /** The container of that name. */
    public Scenario container(String name) {
        set.container(name);
        return containers.get(set.names().indexOf(name));
    }

    public List<Scenario> containers() {
        return containers;
    }

    /** The plain data. */
    public ScenarioSet spec() {
        return set;
    }

    public String name() {
        return set.name();
    }

    @Override
    public String toString() {
        return set.toString();
    }
}
