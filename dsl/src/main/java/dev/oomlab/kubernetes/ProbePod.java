package dev.oomlab.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oomlab.probe.ProbeBinary;
import dev.oomlab.probe.ProbeCommand;
import dev.oomlab.runtime.docker.ProbeImage;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.ShmMount;
import dev.oomlab.spec.Size;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario as a pod that runs the probe on a real cluster with the same memory limit, the same
 * /dev/shm and the same steps: the probe's lines are the pod's log, its exit code the container's
 * ({@code kubectl get pod -o jsonpath='{.status.containerStatuses[0].state.terminated}'}). The
 * hardening matches the Docker runs: non-root, read-only root, no capabilities, no privilege gain.
 */
public final class ProbePod {

    public static final String CONTAINER = "probe";

    private ProbePod() {
    }

    /** This lab's probe image, "oomlab-probe:" and the binary's hash: in the local engine after any run. */
    public static String probeImage() {
        return new ProbeImage(ProbeBinary.load()).reference();
    }

    /** The pod, built with fabric8's model. */
    public static Pod of(ScenarioSpec spec, String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image: a pod needs the probe image's reference, got \"" + image + "\"");
        }
        Limits limits = spec.validate().limits();
        refuseWhatAPodCannotSay(limits);
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(image)
                // the image is loaded onto the node (docker save | ctr import, or kind load), never pulled
                .withImagePullPolicy("Never")
                .withCommand(ProbeCommand.argv(spec))
                .withNewResources().addToLimits("memory", quantity(limits.memory())).endResources()
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser((long) ProbeImage.USER).withRunAsGroup((long) ProbeImage.USER)
                .withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addToVolumeMounts(new VolumeMountBuilder().withName("scratch")
                        .withMountPath(ProbeCommand.SCRATCH_DIR).build());
        PodBuilder pod = new PodBuilder()
                .withNewMetadata().withName(podName(spec)).withLabels(Map.of("app.kubernetes.io/name", "oomlab-probe"))
                .endMetadata()
                .withNewSpec().withRestartPolicy("Never").withHostIPC("host".equals(limits.ipc()) ? true : null)
                .addToVolumes(new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build())
                .endSpec();
        ShmMount shm = limits.shm();
        if (!(shm instanceof ShmMount.DockerDefault)) {
            // a pod cannot size /dev/shm (kubernetes#28272): an emptyDir of medium Memory is the way
            container.addToVolumeMounts(new VolumeMountBuilder().withName("dshm").withMountPath(PodManifest.SHM_PATH)
                    .build());
            pod.editSpec().addToVolumes(new VolumeBuilder().withName("dshm").withNewEmptyDir().withMedium("Memory")
                    .withSizeLimit(shm.sizeLimit() == null ? null : quantity(shm.sizeLimit())).endEmptyDir().build())
                    .endSpec();
        }
        return pod.editSpec().addToContainers(container.build()).endSpec().build();
    }

    /** The pod as YAML, ready for {@code kubectl apply -f}. */
    public static String yaml(ScenarioSpec spec, String image) {
        try {
            return KubeYaml.MAPPER.writeValueAsString(of(spec, image));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Limits a pod has no field for: refused by name rather than dropped in silence. */
    private static void refuseWhatAPodCannotSay(Limits l) {
        if (l.oomKillDisable()) {
            throw new IllegalArgumentException("oomKillDisable: a pod has no field for --oom-kill-disable");
        }
        if (l.memorySwap() != null && !l.memorySwap().equals(l.memory())) {
            throw new IllegalArgumentException("memorySwap: \"" + l.memorySwap() + "\" has no pod field (swap is "
                    + "the node's memorySwap.swapBehavior)");
        }
        if (l.memoryReservation() != null) {
            throw new IllegalArgumentException("memoryReservation: \"" + l.memoryReservation() + "\" has no pod field");
        }
        if (l.oomScoreAdj() != null) {
            throw new IllegalArgumentException("oomScoreAdj: " + l.oomScoreAdj() + " has no pod field (the kubelet "
                    + "sets it from the QoS class)");
        }
        if (l.kernelMemory() != null) {
            throw new IllegalArgumentException("kernelMemory: \"" + l.kernelMemory() + "\" has no pod field");
        }
        if (!l.cgroupV2().isEmpty()) {
            throw new IllegalArgumentException("cgroupV2: \"" + l.cgroupV2().text() + "\" has no pod field (the kubelet "
                    + "sets memory.min and, with the MemoryQoS feature gate, memory.high itself)");
        }
        if (l.ipc() != null && !"host".equals(l.ipc()) && !"private".equals(l.ipc())) {
            throw new IllegalArgumentException("ipc: \"" + l.ipc() + "\" has no pod field (a pod has hostIPC, and "
                    + "its containers share IPC already)");
        }
    }

    /** "512Mi" where the size is whole MiB, else bytes. */
    static Quantity quantity(Size size) {
        long b = size.bytes();
        return b % Size.MIB == 0 ? new Quantity(b / Size.MIB + "Mi") : new Quantity(Long.toString(b));
    }

    /** A DNS-1123 name from the scenario's name: "oomlab-" and lowercase letters, digits and dashes. */
    static String podName(ScenarioSpec spec) {
        String base = spec.name() == null ? "" : spec.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String name = base.isEmpty() ? "oomlab-probe" : "oomlab-" + base;
        return name.length() <= 63 ? name : name.substring(0, 63).replaceAll("-+$", "");
    }
}
