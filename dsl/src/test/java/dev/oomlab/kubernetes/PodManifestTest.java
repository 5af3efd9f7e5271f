package dev.oomlab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.spec.ShmMount;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodManifestTest {

    /** Seed 003's pod, as its author wrote it. */
    static final String SEED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: busybox
            spec:
              containers:
              - name: busybox
                image: gcr.io/google_containers/busybox:1.24
                resources:
                  limits:
                    memory: 1Gi
                    cpu: 1
                volumeMounts:
                - mountPath: /dev/shm
                  name: shmdir
              volumes:
              - name: shmdir
                emptyDir:
                  medium: Memory
                  sizeLimit: "256M"
            """;

    private static String pod(String container, String volumes) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n" + container
                + (volumes == null ? "" : "  volumes:\n" + volumes);
    }

    @Test
    void theSeedsPodBecomesItsLimitAndASizedTmpfs(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.fromPod(SEED_POD);
        assertThat(s.name()).isEqualTo("busybox");
        assertThat(s.limits().memory().bytes()).isEqualTo(1L << 30);
        assertThat(s.limits().shm()).isEqualTo(new ShmMount.Tmpfs(new dev.oomlab.spec.Size(256_000_000L)));
        Path file = Files.writeString(dir.resolve("pod.yaml"), SEED_POD);
        assertThat(Scenario.fromPod(file.toString()).limits()).isEqualTo(s.limits());
    }

    @Test
    void anEmptyDirWithoutSizeLimitIsAnUnsizedTmpfsAndNoMountIsTheDefault() {
        String mounted = "  - name: a\n    resources: {limits: {memory: 512Mi}}\n"
                + "    volumeMounts: [{name: d, mountPath: /dev/shm/}]\n";
        assertThat(Scenario.fromPod(pod(mounted, "  - {name: d, emptyDir: {medium: Memory}}\n")).limits().shm())
                .isEqualTo(new ShmMount.Tmpfs(null));
        assertThat(Scenario.fromPod(pod("  - name: a\n    resources: {limits: {memory: 512Mi}}\n", null))
                .limits().shm()).isInstanceOf(ShmMount.DockerDefault.class);
    }

    @Test
    void twoContainersNeedAName() {
        String two = pod("  - name: app\n    resources: {limits: {memory: 1Gi}}\n"
                + "  - name: sidecar\n    resources: {limits: {memory: 64Mi}}\n", null);
        assertThatThrownBy(() -> Scenario.fromPod(two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.containers: the pod has 2 containers [app, sidecar]; say which one, "
                        + "e.g. fromPod(manifest, \"app\")");
        assertThat(Scenario.fromPod(two, "sidecar").limits().memory().bytes()).isEqualTo(64L << 20);
        assertThatThrownBy(() -> Scenario.fromPod(two, "db")).hasMessage(
                "container: no container \"db\" in the pod (it has [app, sidecar])");
    }

    @Test
    void badManifestsNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> Scenario.fromPod(pod("  - name: a\n    image: x\n", null)))
                .hasMessageStartingWith("spec.containers[0].resources.limits.memory: container \"a\" sets no memory limit");
        assertThatThrownBy(() -> Scenario.fromPod(pod("  - name: a\n    resources: {limits: {memory: 1Gx}}\n", null)))
                .hasMessageStartingWith("spec.containers[0].resources.limits.memory: invalid quantity \"1Gx\"");
        String mounted = "  - name: a\n    resources: {limits: {memory: 1Gi}}\n"
                + "    volumeMounts: [{name: d, mountPath: /dev/shm}]\n";
        assertThatThrownBy(() -> Scenario.fromPod(pod(mounted, "  - {name: d, emptyDir: {medium: Memory, sizeLimit: 1x}}\n")))
                .hasMessageStartingWith("spec.volumes[d].emptyDir.sizeLimit: invalid quantity \"1x\"");
        assertThatThrownBy(() -> Scenario.fromPod(pod(mounted, "  - {name: d, emptyDir: {}}\n")))
                .hasMessageStartingWith("spec.volumes[d].emptyDir.medium: unset is disk-backed");
        assertThatThrownBy(() -> Scenario.fromPod(pod(mounted, "  - {name: d, hostPath: {path: /dev/shm}}\n")))
                .hasMessageStartingWith("spec.volumes[d]: volume \"d\" mounted at /dev/shm is not an emptyDir");
        assertThatThrownBy(() -> Scenario.fromPod(pod(mounted, null)))
                .hasMessage("spec.containers[0].volumeMounts[0].name: no volume named \"d\" in spec.volumes");
        assertThatThrownBy(() -> Scenario.fromPod("apiVersion: apps/v1\nkind: Deployment\nspec: {}\n"))
                .hasMessage("kind: \"Deployment\" in the YAML given (expected Pod)");
        assertThatThrownBy(() -> Scenario.fromPod("/nonexistent/pod.yaml"))
                .hasMessage("pod manifest: no such file \"/nonexistent/pod.yaml\"");
    }

    @Test
    void toPodWritesThePodThatRunsTheProbeWithTheSameLimitsAndSteps() throws Exception {
        Scenario s = Scenario.fromPod(SEED_POD).allocShm(300).named("seed 003 dd");
        String yaml = s.toPod("oomlab-probe:test");
        Pod pod = KubeYaml.MAPPER.readValue(yaml, Pod.class);
        var c = pod.getSpec().getContainers().get(0);
        assertThat(pod.getMetadata().getName()).isEqualTo("oomlab-seed-003-dd");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(c.getImage()).isEqualTo("oomlab-probe:test");
        assertThat(c.getImagePullPolicy()).isEqualTo("Never");
        assertThat(c.getCommand()).containsExactly("/probe", "--chunk-mib=16", "--dir=/scratch", "shm:300");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        // the manifest read back gives the same limits: the round trip loses nothing
        assertThat(Scenario.fromPod(yaml).limits()).isEqualTo(s.limits());
        assertThat(Scenario.scenario().memory("2g").shm("1g").allocRam(1).toPod("x")).contains("sizeLimit: 1024Mi")
                .contains("memory: 2048Mi");
        assertThat(Scenario.scenario().memory("2g").allocRam(1).toPod("x")).doesNotContain("/dev/shm");
    }

    @Test
    void limitsAPodHasNoFieldForAreRefusedByName() {
        assertThatThrownBy(() -> Scenario.scenario().memory("1g").oomKillDisable().allocRam(1).toPod("x"))
                .hasMessageStartingWith("oomKillDisable:");
        assertThatThrownBy(() -> Scenario.scenario().memory("1g").oomScoreAdj(500).allocRam(1).toPod("x"))
                .hasMessageStartingWith("oomScoreAdj: 500");
        assertThatThrownBy(() -> Scenario.scenario().memory("1g").allocRam(1).toPod(" "))
                .hasMessageStartingWith("image:");
    }
}
