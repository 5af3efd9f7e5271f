package dev.oomlab.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ShmMount;
import dev.oomlab.spec.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A pod manifest read with fabric8's Kubernetes model, turned into the limits a Docker run needs
 * to show what the kernel does with that pod: {@code resources.limits.memory} becomes the memory
 * limit, an emptyDir with medium Memory mounted at /dev/shm becomes a tmpfs /dev/shm (sized by its
 * sizeLimit, unsized without one), no such mount leaves the runtime's default 64 MiB /dev/shm.
 * What the kubelet decides on its own (evicting a pod whose emptyDir passes its sizeLimit) has no
 * kernel counterpart and is not reproduced. Bad manifests fail naming the field and the value.
 */
public final class PodManifest {

    public static final String SHM_PATH = "/dev/shm";

    private final Pod pod;

    private PodManifest(Pod pod) {
        this.pod = pod;
    }

    /** A manifest from a file's path or from YAML text (anything with a line break or a "kind:"). */
    public static PodManifest read(String fileOrYaml) {
        Objects.requireNonNull(fileOrYaml, "pod manifest");
        if (fileOrYaml.contains("\n") || fileOrYaml.contains("kind:")) {
            return parse(fileOrYaml, "the YAML given");
        }
        Path file = Path.of(fileOrYaml);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("pod manifest: no such file \"" + fileOrYaml + "\"");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("pod manifest: cannot read \"" + fileOrYaml + "\": " + e.getMessage(), e);
        }
    }

    private static PodManifest parse(String yaml, String where) {
        Pod pod;
        try {
            pod = KubeYaml.MAPPER.readValue(yaml, Pod.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("pod manifest: " + where + " is not a pod manifest: "
                    + e.getOriginalMessage(), e);
        }
        if (pod == null || !"Pod".equals(pod.getKind())) {
            throw new IllegalArgumentException("kind: \"" + (pod == null ? null : pod.getKind())
                    + "\" in " + where + " (expected Pod)");
        }
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null || pod.getSpec().getContainers().isEmpty()) {
            throw new IllegalArgumentException("spec.containers: the pod in " + where + " has no container");
        }
        return new PodManifest(pod);
    }

    /** The pod's name, or null. */
    public String name() {
        return pod.getMetadata() == null ? null : pod.getMetadata().getName();
    }

    public List<String> containerNames() {
        return pod.getSpec().getContainers().stream().map(Container::getName).toList();
    }

    /** The limits of the pod's only container. */
    public Limits limits() {
        List<Container> containers = pod.getSpec().getContainers();
        if (containers.size() > 1) {
            throw new IllegalArgumentException("spec.containers: the pod has " + containers.size() + " containers "
                    + containerNames() + "; say which one, e.g. fromPod(manifest, \"" + containers.get(0).getName()
                    + "\")");
        }
        return limits(containers.get(0), 0);
    }

    /** The limits of the named container. */
    public Limits limits(String container) {
        List<Container> containers = pod.getSpec().getContainers();
        for (int i = 0; i < containers.size(); i++) {
            if (Objects.equals(containers.get(i).getName(), container)) {
                return limits(containers.get(i), i);
            }
        }
        throw new IllegalArgumentException("container: no container \"" + container + "\" in the pod (it has "
                + containerNames() + ")");
    }

    private Limits limits(Container c, int index) {
        String field = "spec.containers[" + index + "].resources.limits.memory";
        Quantity memory = c.getResources() == null || c.getResources().getLimits() == null ? null
                : c.getResources().getLimits().get("memory");
        if (memory == null) {
            throw new IllegalArgumentException(field + ": container \"" + c.getName() + "\" sets no memory limit "
                    + "(without one the pod may take the whole node, and a scenario needs one)");
        }
        return Limits.none().withMemory(bytes(field, memory)).withShm(shm(c, index));
    }

    /** What backs the container's /dev/shm: an emptyDir of medium Memory, or the runtime's default. */
    private ShmMount shm(Container c, int index) {
        List<VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts();
        for (int m = 0; m < mounts.size(); m++) {
            VolumeMount mount = mounts.get(m);
            if (!SHM_PATH.equals(trimSlash(mount.getMountPath()))) {
                continue;
            }
            Volume v = volume(mount.getName(), "spec.containers[" + index + "].volumeMounts[" + m + "].name");
            EmptyDirVolumeSource dir = v.getEmptyDir();
            String field = "spec.volumes[" + v.getName() + "]";
            if (dir == null) {
                throw new IllegalArgumentException(field + ": volume \"" + v.getName() + "\" mounted at /dev/shm is "
                        + "not an emptyDir (only an emptyDir with medium Memory maps to a tmpfs /dev/shm)");
            }
            if (!"Memory".equals(dir.getMedium())) {
                throw new IllegalArgumentException(field + ".emptyDir.medium: "
                        + (dir.getMedium() == null || dir.getMedium().isEmpty() ? "unset" : "\"" + dir.getMedium() + "\"")
                        + " is disk-backed (expected Memory, which makes /dev/shm a tmpfs)");
            }
            return dir.getSizeLimit() == null ? new ShmMount.Tmpfs(null)
                    : new ShmMount.Tmpfs(bytes(field + ".emptyDir.sizeLimit", dir.getSizeLimit()));
        }
        return new ShmMount.DockerDefault(); // containerd and CRI-O give a pod 64 MiB, as Docker does
    }

    private Volume volume(String name, String field) {
        List<Volume> volumes = pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
        return volumes.stream().filter(v -> Objects.equals(v.getName(), name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + ": no volume named \"" + name
                        + "\" in spec.volumes"));
    }

    /** A Kubernetes quantity ("1Gi", "256M", "1e9") in bytes; a malformed one names its field and value. */
    static Size bytes(String field, Quantity q) {
        BigDecimal bytes;
        try {
            bytes = Quantity.getAmountInBytes(q);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": invalid quantity \"" + q + "\" (expected e.g. 512Mi, 1Gi, "
                    + "256M or a number of bytes)", e);
        }
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(field + ": quantity \"" + q + "\" is out of range (expected a positive "
                    + "size)");
        }
        return new Size(bytes.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    }

    private static String trimSlash(String path) {
        return path != null && path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
