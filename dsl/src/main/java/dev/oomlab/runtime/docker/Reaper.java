package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.oomlab.runtime.Owner;
import java.util.List;

/** Removes labelled containers whose owning process is gone: leftovers of a crashed run. */
public final class Reaper {

    private Reaper() {
    }

    /** Returns how many containers were removed. */
    public static int reap(DockerClient docker) {
        List<Container> labelled = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerRuntime.LABEL_RUN)).exec();
        int removed = 0;
        for (Container c : labelled) {
            boolean orphan = Owner.parse(c.getLabels().get(DockerRuntime.LABEL_OWNER))
                    .map(owner -> !owner.isAliveHere())
                    .orElse(true);
            if (orphan) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed++;
                } catch (RuntimeException alreadyGone) {
                    // another process reaped it first
                }
            }
        }
        return removed;
    }
}
