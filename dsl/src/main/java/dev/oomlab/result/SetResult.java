package dev.oomlab.result;

import dev.oomlab.spec.ScenarioSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What each container of a set did, in the order they started, and what became of the shm
 * segments a container with {@code ipc("host")} left in the host's /dev/shm.
 *
 * @param set      the set as run
 * @param results  one per container, in the set's order
 * @param hostShm  what the lab did about the host's /dev/shm ("removed /dev/shm/e11"), or why it could
 *                 not; empty when no container had ipc host
 */
public record SetResult(ScenarioSet set, List<Result> results, String hostShm) {

    public SetResult {
        results = List.copyOf(results);
        if (results.size() != set.containers().size()) {
            throw new IllegalArgumentException("results: " + results.size() + " for " + set.containers().size()
                    + " containers");
        }
    }

    /** The result of the container of that name; an unknown name fails naming the known ones. */
    public Result result(String container) {
        int i = set.names().indexOf(container);
        if (i < 0) {
            throw new IllegalArgumentException("container: no container \"" + container + "\" in the set ("
                    + String.join(", ", set.names()) + ")");
        }
        return results.get(i);
    }

    /** Each container's outcome by name, in order. */
    public Map<String, Outcome> outcomes() {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            out.put(set.names().get(i), results.get(i).outcome());
        }
        return out;
    }

    /** "first OOM, second OK". */
    public String headline() {
        StringJoiner j = new StringJoiner(", ");
        outcomes().forEach((name, outcome) -> j.add(name + " " + outcome));
        return j.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(set.toString()).append('\n');
        for (int i = 0; i < results.size(); i++) {
            s.append(set.names().get(i)).append(": ").append(results.get(i).headline()).append('\n');
        }
        if (!hostShm.isEmpty()) {
            s.append("host /dev/shm: ").append(hostShm).append('\n');
        }
        return s.toString();
    }
}
