package dev.oomlab.run;

import static dev.oomlab.Oomlab.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.Oomlab;
import dev.oomlab.dsl.Scenarios;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.result.SetResult;
import dev.oomlab.runtime.NothingLeftBehind;
import dev.oomlab.runtime.docker.DockerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several containers in one scenario on the real engine, lean (a few hundred MiB, two sets at
 * once). Figures measured here first with the probe image run by hand (Docker 20.10, cgroup v1,
 * Linux 6.18): a reader at 128m joining a writer's IPC mapped the 300 MiB the writer had touched
 * and ended OK at 3.4 MiB max usage, the writer's cgroup holding 300 MiB of shmem; with
 * --ipc=host, 200 MiB under 128m was an OOM kill the first time and OK the second.
 */
@ExtendWith(NothingLeftBehind.class)
class ContainerSetIT {

    /** A name of this test's own: verify's E11 uses another, and both may run on the engine at once. */
    private static final String SEGMENT = "oomlab-it-set-twice";

    private static DockerRuntime docker;
    private static SetResult shared;
    private static SetResult twice;

    @BeforeAll
    static void runBoth() {
        docker = (DockerRuntime) Oomlab.runtime();
        var a = CompletableFuture.supplyAsync(() -> Scenarios.alongside(
                scenario().named("writer").memory("256m").shm("256m").ipc("shareable")
                        .allocShm(150, "seg").sleep("8s"),
                scenario().named("reader").memory("64m").ipc("container:writer")
                        .sleep("3s").allocShm(150, "seg")).run());
        var b = CompletableFuture.supplyAsync(() -> Scenarios.inOrder(
                scenario().named("first").memory("64m").ipc("host").allocShm(100, SEGMENT),
                scenario().named("second").memory("64m").ipc("host").allocShm(100, SEGMENT)).run());
        shared = a.join();
        twice = b.join();
        System.out.println(shared + "\n" + twice);
    }

    @Test
    void aReaderJoiningTheWritersIpcMapsWhatTheWriterTouchedWithoutBeingCharged() {
        assertThat(shared.outcomes()).containsExactly(Map.entry("writer", Outcome.OK), Map.entry("reader", Outcome.OK));
        Result reader = shared.result("reader");
        Result writer = shared.result("writer");
        assertThat(reader.allStepsDone()).isTrue();
        assertThat(reader.peakMib()).as("the reader's cgroup: the probe alone, not the 150 MiB it mapped")
                .isLessThan(20);
        assertThat(writer.exitReport().shmemMib()).as("the writer's cgroup holds the segment").isEqualTo(150.0);
        assertThat(reader.scenario().limits().ipc()).as("the result keeps the set's own name")
                .isEqualTo("container:writer");
    }

    @Test
    void withIpcHostTheSecondRunOfTheSameSegmentEscapesItsLimit() {
        assertThat(twice.outcomes()).containsExactly(Map.entry("first", Outcome.OOM), Map.entry("second", Outcome.OK));
        assertThat(twice.result("second").reused()).as("measured, not answered by the first's result").isFalse();
        assertThat(twice.hostShm()).startsWith("removed /dev/shm/" + SEGMENT);
        assertThat(Files.exists(Path.of("/dev/shm", SEGMENT))).isFalse();
    }

    @Test
    void anInterruptedSetRemovesItsContainersAndTheSegmentItLeftInTheHostsShm() throws Exception {
        String segment = "oomlab-it-set-interrupted";
        java.util.concurrent.CountDownLatch bothRunning = new java.util.concurrent.CountDownLatch(2);
        RunListenerStarts listener = new RunListenerStarts(bothRunning);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Scenarios.alongside(
                        scenario().named("holder").memory("64m").ipc("shareable").allocShm(10, "seg").sleep("60s"),
                        scenario().named("hostie").memory("64m").ipc("host").allocShm(10, segment).sleep("60s"))
                        .run(listener);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        assertThat(bothRunning.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 300 && !Files.exists(Path.of("/dev/shm", segment)); i++) {
            Thread.sleep(100); // until the probe has made its segment in the host's /dev/shm
        }
        assertThat(Files.exists(Path.of("/dev/shm", segment))).as("made before the interrupt").isTrue();
        t.interrupt();
        t.join();
        assertThat(thrown.get()).isInstanceOf(dev.oomlab.runtime.RunCancelledException.class);
        assertThat(docker.awaitRemovals(Duration.ofSeconds(10))).as("the sets run before, removed after their runs")
                .isTrue();
        assertThat(docker.leftovers())
                .as("the interrupted set's containers removed").isEmpty();
        assertThat(Files.exists(Path.of("/dev/shm", segment))).isFalse();
    }

    /** Counts the containers that are running. */
    private record RunListenerStarts(java.util.concurrent.CountDownLatch latch) implements dev.oomlab.runtime.RunListener {
        @Override
        public void sample(dev.oomlab.spec.ScenarioSpec scenario, dev.oomlab.probe.Sample sample) {
        }

        @Override
        public void started(dev.oomlab.spec.ScenarioSpec scenario, String containerId) {
            latch.countDown();
        }
    }
}
