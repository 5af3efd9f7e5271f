package dev.oomlab.spec;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Several containers in one scenario, each a named {@link ScenarioSpec}: run one after another
 * (each starts when the one before has ended), or alongside (each starts once the one before is
 * running, all run at once), so that one may join another's IPC ({@code ipc("container:writer")})
 * or map a segment another left in the host's /dev/shm ({@code ipc("host")}).
 *
 * @param name       shown in tables, or null
 * @param containers in the order they start
 * @param alongside  true: all run at once; false: one after another
 */
public record ScenarioSet(String name, List<ScenarioSpec> containers, boolean alongside) {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    private static final String JOIN = "container:";

    public ScenarioSet {
        containers = List.copyOf(Objects.requireNonNull(containers, "containers"));
    }

    public ScenarioSet withName(String newName) {
        return new ScenarioSet(newName, containers, alongside);
    }

    /** The container of that name; an unknown name fails naming the known ones. */
    public ScenarioSpec container(String containerName) {
        return containers.stream().filter(c -> c.name() != null && c.name().equals(containerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("container: no container \"" + containerName
                        + "\" in the set (" + String.join(", ", names()) + ")"));
    }

    public List<String> names() {
        return containers.stream().map(c -> String.valueOf(c.name())).toList();
    }

    /** The name a container joins with {@code ipc("container:NAME")}, or null when it joins none. */
    public static String joined(ScenarioSpec container) {
        String ipc = container.limits().ipc();
        return ipc != null && ipc.startsWith(JOIN) ? ipc.substring(JOIN.length()) : null;
    }

    /** The named shm segments a container with {@code ipc("host")} leaves in the host's /dev/shm if it dies. */
    public static Set<String> hostSegments(ScenarioSpec container) {
        Set<String> out = new LinkedHashSet<>();
        if ("host".equals(container.limits().ipc())) {
            container.allSteps().stream().filter(s -> s instanceof Step.AllocShm).map(s -> ((Step.AllocShm) s).segment())
                    .filter(Objects::nonNull).forEach(out::add);
            // a signal is a file in the same /dev/shm: the host's, here
            container.allSteps().stream().filter(s -> s instanceof Step.Signal)
                    .map(s -> "oomlab-signal-" + ((Step.Signal) s).name()).forEach(out::add);
        }
        return out;
    }

    /**
     * Checks the set as a whole, before any container starts: each container valid and named
     * (names unique), each {@code container:NAME} naming an earlier, shareable container of a set
     * run alongside, and each shm of an {@code ipc("host")} container named, so the lab can remove it.
     */
    public ScenarioSet validate() {
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("containers: the set has no container");
        }
        Map<String, ScenarioSpec> earlier = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            ScenarioSpec c = containers.get(i);
            String where = "container " + (i + 1) + " of " + containers.size();
            if (c.name() == null || !c.name().matches(NAME)) {
                throw new IllegalArgumentException("named: " + where + " is named \"" + c.name()
                        + "\" (name each container with 1-64 letters, digits, '.', '_' or '-', e.g. named(\"writer\"))");
            }
            if (earlier.containsKey(c.name())) {
                throw new IllegalArgumentException("named: \"" + c.name() + "\" is taken (" + where + ")");
            }
            try {
                c.validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (in container \"" + c.name() + "\")", e);
            }
            checkJoin(c, earlier);
            if ("host".equals(c.limits().ipc())) {
                for (Step s : c.allSteps()) {
                    if (s instanceof Step.AllocShm shm && shm.segment() == null) {
                        throw new IllegalArgumentException("allocShm: \"" + c.name() + "\" has ipc host and an "
                                + "unnamed shm " + shm.mib() + " (name it, allocShm(" + shm.mib()
                                + ", \"segment\"), so the lab can remove it from the host's /dev/shm)");
                    }
                }
            }
            earlier.put(c.name(), c);
        }
        return this;
    }

    private void checkJoin(ScenarioSpec c, Map<String, ScenarioSpec> earlier) {
        String target = joined(c);
        if (target == null) {
            return;
        }
        String ipc = c.limits().ipc();
        ScenarioSpec joined = earlier.get(target);
        if (joined == null) {
            throw new IllegalArgumentException("ipc: \"" + ipc + "\" of \"" + c.name()
                    + "\" names no earlier container of the set (" + String.join(", ", earlier.keySet().stream()
                    .sorted().toList()) + ")");
        }
        if (!"shareable".equals(joined.limits().ipc())) {
            throw new IllegalArgumentException("ipc: \"" + ipc + "\" of \"" + c.name() + "\" joins \"" + target
                    + "\", whose ipc is " + (joined.limits().ipc() == null ? "Docker's default (private)"
                    : "\"" + joined.limits().ipc() + "\"") + " (give \"" + target + "\" ipc(\"shareable\"))");
        }
        if (!alongside) {
            throw new IllegalArgumentException("ipc: \"" + ipc + "\" of \"" + c.name() + "\" needs \"" + target
                    + "\" running, but the set runs in order (each after the one before has ended): "
                    + "run it alongside");
        }
        if (!(c.limits().shm() instanceof ShmMount.DockerDefault)) {
            throw new IllegalArgumentException("shm: \"" + c.name() + "\" joins \"" + target + "\"'s IPC and uses its "
                    + "/dev/shm, so its own shm " + c.limits().shm().describe() + " cannot apply (size it on \""
                    + target + "\")");
        }
    }

    /** "in order: first (memory 128m, ipc host | shm 200); second (...)". */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("; ", (name != null ? name + ": " : "") + (alongside ? "alongside: "
                : "in order: "), "");
        containers.forEach(c -> j.add(c.name() + " (" + c.limitsText() + " | " + c.stepsText() + ")"));
        return j.toString();
    }
}
