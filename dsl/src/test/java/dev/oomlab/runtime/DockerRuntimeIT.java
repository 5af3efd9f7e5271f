package dev.oomlab.runtime;

import static dev.oomlab.Oomlab.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.Oomlab;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.probe.Sample;
import dev.oomlab.runtime.docker.DockerRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime against the real Docker engine: outcomes, evidence, hardening and cleanup. */
class DockerRuntimeIT {

    private static DockerRuntime docker;

    @BeforeAll
    static void connect() {
        docker = (DockerRuntime) Oomlab.runtime();
    }

    @AfterEach
    void nothingIsLeftBehind() {
        assertThat(docker.awaitRemovals(Duration.ofSeconds(10))).as("removals finished").isTrue();
        assertThat(docker.leftovers()).as("containers of this run left behind").isEmpty();
    }

    @Test
    void theCardsExampleIsAnOomKill() {
        Result r = scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300).expect(Outcome.OOM);
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(r.oomKilled()).isTrue();
        assertThat(r.steps().get(0).completed()).isTrue();
        assertThat(r.steps().get(1).completed()).isFalse();
        // shm and app share the pool: the app died with about 2048 - 800 MiB touched
        assertThat(r.steps().get(1).doneMib()).isBetween(1100.0, 1248.0);
        // the supervisor read the cgroup after the kill: the true peak and the kernel's own count
        assertThat(r.countersAreFinal()).isTrue();
        assertThat(r.peakMib()).isBetween(2040.0, 2048.0);
        assertThat(r.oomKillCount()).isEqualTo(1);
        assertThat(r.detail()).contains("oom_kill counter is 1");
        assertThat(r.environment().cgroupVersion()).isIn(1, 2);
    }

    @Test
    void withinTheLimitIsOkAndTheTimelineHasTheCgroupsNumbers() {
        List<Sample> heard = new CopyOnWriteArrayList<>();
        Result r = scenario().memory("512m").shm("256m").allocShm(100).allocRam(200)
                .run((s, sample) -> heard.add(sample));
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.exitCode()).isZero();
        assertThat(r.allStepsDone()).isTrue();
        assertThat(heard).isNotEmpty();
        assertThat(r.samples()).hasSameSizeAs(heard);
        Sample last = r.samples().get(r.samples().size() - 1);
        assertThat(last.event()).isEqualTo(ProbeEvent.END);
        assertThat(last.limit()).isEqualTo(512L << 20);
        assertThat(last.shmemMib()).isBetween(99.0, 101.0);
        assertThat(last.anonMib()).isBetween(199.0, 210.0);
        assertThat(r.countersAreFinal()).isTrue();
        assertThat(r.exitReport().oomKill()).isZero();
    }

    @Test
    void shmPastShmSizeIsSigbusNotAnOomKill() {
        Result r = scenario().memory("1g").shm("256m").allocShm(300).run();
        assertThat(r.outcome()).isEqualTo(Outcome.SIGBUS);
        assertThat(r.exitCode()).isEqualTo(135);
        assertThat(r.oomKilled()).isFalse();
        assertThat(r.steps().get(0).doneMib()).isBetween(240.0, 256.0);
    }

    @Test
    void dockersDefaultShmIs64Mib() {
        Result r = scenario().memory("1g").allocShm(100).run();
        assertThat(r.outcome()).isEqualTo(Outcome.SIGBUS);
        assertThat(r.steps().get(0).doneMib()).isBetween(48.0, 64.0);
        assertThat(scenario().memory("1g").allocShm(60).run().outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aSizedTmpfsAtDevShmIsEnforcedLikeShmSize() {
        // Kubernetes' emptyDir with medium Memory and a sizeLimit (the spec's E3)
        Result r = scenario().memory("512m").tmpfsShm("256m").allocShm(300).run();
        assertThat(r.outcome()).isEqualTo(Outcome.SIGBUS);
        assertThat(r.steps().get(0).doneMib()).isBetween(240.0, 256.0);
    }

    @Test
    void anUnsizedTmpfsAtDevShmIsStillCappedByTheMemoryLimit() {
        // no size on the mount: the memory cgroup is what stops it (the spec's E2)
        Result r = scenario().memory("512m").tmpfsShm().allocShm(700).run();
        assertThat(r.outcome()).isEqualTo(Outcome.OOM);
        assertThat(r.oomKillCount()).isEqualTo(1);
        assertThat(r.peakMib()).isBetween(500.0, 512.0);
    }

    @Test
    void freedShmReturnsToThePool() {
        assertThat(scenario().memory("1g").shm("1g").allocShm(700).freeShm().allocRam(900).run().outcome())
                .isEqualTo(Outcome.OK);
        assertThat(scenario().memory("1g").shm("1g").allocShm(700).allocRam(500).run().outcome())
                .isEqualTo(Outcome.OOM);
    }

    @Test
    void pageCacheIsReclaimedInsideTheCgroup() {
        Result r = scenario().memory("256m").writeFile(800).run();
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.peakMib()).isLessThanOrEqualTo(256.0);
    }

    @Test
    void aRunPastItsTimeoutIsStoppedAndRemoved() {
        Result r = scenario().memory("64m").allocRam(8).sleep("30s").timeout("1500ms").run();
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.exitCode()).isNull();
        assertThat(r.detail()).contains("still running after 1 s; stopped");
        // stopped in its sleep, not after it: the 30 s step never completed
        assertThat(r.steps().get(0).completed()).isTrue();
        assertThat(r.steps().get(1).completed()).isFalse();
    }

    @Test
    void withTheOomKillerDisabledTheTaskHangs() {
        Result r = scenario().memory("128m").oomKillDisable().allocRam(200).timeout("20s").run();
        assertThat(r.outcome()).isEqualTo(Outcome.HUNG);
        assertThat(r.detail()).contains("under_oom 1");
    }

    @Test
    void anInterruptRemovesTheContainerAndEndsTheRun() throws Exception {
        CompletableFuture<Thread> runner = new CompletableFuture<>();
        CompletableFuture<Object> outcome = CompletableFuture.supplyAsync(() -> {
            runner.complete(Thread.currentThread());
            try {
                return scenario().memory("64m").allocRam(8).sleep("60s").run();
            } catch (RuntimeException e) {
                return e;
            }
        });
        awaitLiveContainer();
        runner.get().interrupt();
        Object ended = outcome.get(5, TimeUnit.SECONDS);
        assertThat(ended).isInstanceOf(RunCancelledException.class);
    }

    @Test
    void cancelAllRemovesEveryLiveContainerBeforeItReturns() throws Exception {
        CompletableFuture<Object> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return scenario().memory("64m").allocRam(8).sleep("60s").run();
            } catch (RuntimeException e) {
                return e;
            }
        });
        awaitLiveContainer();
        assertThat(ActiveRuns.cancelAll()).isEqualTo(1);
        // cancelAll returns once the engine has removed it: nothing of ours is left at that moment
        assertThat(docker.leftovers()).isEmpty();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(RunCancelledException.class);
    }

    @Test
    void everyContainerIsHardened() throws Exception {
        CompletableFuture<Result> outcome = CompletableFuture.supplyAsync(
                () -> scenario().memory("64m").shm("32m").allocRam(4).sleep("3s").run());
        Container live = awaitLiveContainer();
        InspectContainerResponse inspect = docker.client().inspectContainerCmd(live.getId()).exec();
        HostConfig hc = inspect.getHostConfig();
        assertThat(hc.getNetworkMode()).isEqualTo("none");
        assertThat(hc.getReadonlyRootfs()).isTrue();
        assertThat(hc.getCapDrop()).contains(Capability.ALL);
        assertThat(hc.getSecurityOpts()).contains("no-new-privileges");
        assertThat(hc.getPidsLimit()).isEqualTo(64L);
        assertThat(hc.getMemory()).isEqualTo(64L << 20);
        assertThat(hc.getMemorySwap()).isEqualTo(64L << 20);
        assertThat(hc.getShmSize()).isEqualTo(32L << 20);
        assertThat(inspect.getConfig().getUser()).isEqualTo("65534:65534");
        assertThat(inspect.getConfig().getLabels()).containsKeys(DockerRuntime.LABEL_RUN, DockerRuntime.LABEL_OWNER);
        assertThat(outcome.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void theReaperRemovesContainersWhoseOwnerIsGone() {
        DockerClient client = docker.client();
        String image = docker.imageReference();
        String id = client.createContainerCmd(image).withCmd("/probe", "sleep:60000")
                .withLabels(Map.of(DockerRuntime.LABEL_RUN, "crashed", DockerRuntime.LABEL_OWNER,
                        new Owner(Owner.current().host(), 999_999_999L, 1L).label()))
                .exec().getId();
        String alive = client.createContainerCmd(image).withCmd("/probe", "sleep:60000")
                .withLabels(Map.of(DockerRuntime.LABEL_RUN, "alive", DockerRuntime.LABEL_OWNER,
                        Owner.current().label()))
                .exec().getId();
        try {
            DockerRuntime fresh = new DockerRuntime(client);
            assertThat(fresh.reapedAtStart()).isGreaterThanOrEqualTo(1);
            assertThat(client.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).isEmpty();
            assertThat(client.listContainersCmd().withShowAll(true).withIdFilter(List.of(alive)).exec()).hasSize(1);
        } finally {
            client.removeContainerCmd(alive).withForce(true).exec();
        }
    }

    @Test
    void badInputFailsBeforeAnyContainerStarts() {
        long before = countAll();
        assertThatThrownBy(() -> scenario().allocRam(10).run())
                .hasMessageStartingWith("memory: no memory limit set");
        assertThatThrownBy(() -> scenario().memory("100t").allocRam(10).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("memory: \"100t\" is more than this host can give");
        assertThat(countAll()).isEqualTo(before);
    }

    private static long countAll() {
        return docker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerRuntime.LABEL_RUN)).exec().size();
    }

    private static Container awaitLiveContainer() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<Container> running = docker.client().listContainersCmd()
                    .withLabelFilter(Map.of(DockerRuntime.LABEL_RUN, docker.runId()))
                    .withStatusFilter(List.of("running")).exec();
            if (!running.isEmpty()) {
                return running.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no live container appeared within 20 s");
    }

}
