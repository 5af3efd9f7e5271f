package dev.oomlab.run;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's logic on the model-answering fake runtime: what runs, what is reused, what a file carries. */
class ResultStoreTest {

    private static final ScenarioSpec SPEC = scenario().memory("1g").shm("512m").allocShm(300).allocRam(800).spec();
    private static final String HOST = "host-a";

    @Test
    void theSameScenarioUnderAnotherNameIsReusedNotRunAgain() {
        ResultStore store = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        Result first = store.resultOf(SPEC.withName("first"), HOST, () -> rt.run(SPEC, null));
        Result second = store.resultOf(SPEC.withName("second"), HOST, () -> rt.run(SPEC, null));
        assertThat(rt.runs()).isEqualTo(1);
        assertThat(first.reused()).isFalse();
        assertThat(first.provenance()).isEqualTo("measured now (run fake, container fake-1)");
        assertThat(second.reused()).isTrue();
        assertThat(second.scenario().name()).isEqualTo("second");
        assertThat(second.outcome()).isEqualTo(first.outcome()).isEqualTo(Outcome.OOM);
        assertThat(second.provenance()).isEqualTo("reused from run fake, container fake-1, not run again");
        assertThat(store.measured()).hasSize(1);
    }

    @Test
    void anotherHostOrAnyOtherLimitRunsAgain() {
        ResultStore store = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        ScenarioSpec longer = scenario().memory("1g").shm("512m").timeout("90s").allocShm(300).allocRam(800).spec();
        ScenarioSpec tmpfs = scenario().memory("1g").tmpfsShm("512m").allocShm(300).allocRam(800).spec();
        for (ScenarioSpec s : List.of(SPEC, longer, tmpfs)) {
            store.resultOf(s, HOST, () -> rt.run(s, null));
        }
        store.resultOf(SPEC, "host-b", () -> rt.run(SPEC, null));
        assertThat(rt.runs()).isEqualTo(4);
        assertThat(store.measured()).extracting(StoredResult::container)
                .containsExactly("fake-1", "fake-2", "fake-3", "fake-4");
    }

    @Test
    void aScenarioAskedTwiceAtOnceRunsOnce() throws Exception {
        ResultStore store = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        CountDownLatch bothAsked = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Supplier<Result> slowRun = () -> {
            started.incrementAndGet();
            try {
                bothAsked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rt.run(SPEC, null);
        };
        Thread other = new Thread(() -> store.resultOf(SPEC, HOST, slowRun));
        other.start();
        while (started.get() == 0) {
            Thread.onSpinWait();
        }
        Thread asker = new Thread(() -> store.resultOf(SPEC, HOST, slowRun));
        asker.start();
        bothAsked.countDown();
        other.join();
        asker.join();
        assertThat(rt.runs()).isEqualTo(1);
    }

    @Test
    void aStoreFileAnswersAnotherProcessWithTheSameEvidence(@TempDir Path dir) {
        ResultStore verify = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        Result measured = verify.resultOf(SPEC, HOST, () -> rt.run(SPEC, null));
        Path file = verify.writeTo(dir.resolve("results-store.json"));

        ResultStore kernel = ResultStore.load(file);
        ModelRuntime kernelRt = ModelRuntime.exact();
        Result answered = kernel.resultOf(SPEC.withName("in a notebook"), HOST, () -> kernelRt.run(SPEC, null));
        assertThat(kernelRt.runs()).isZero();
        assertThat(answered.reused()).isTrue();
        assertThat(answered.container()).isEqualTo("fake-1");
        assertThat(answered.outcome()).isEqualTo(measured.outcome());
        assertThat(answered.steps()).isEqualTo(measured.steps());
        assertThat(answered.exitCode()).isEqualTo(measured.exitCode());
        assertThat(kernel.measured()).isEmpty();
        // what the file did not hold runs, and is remembered
        ScenarioSpec other = scenario().memory("1g").allocRam(10).spec();
        kernel.resultOf(other, HOST, () -> kernelRt.run(other, null));
        assertThat(kernelRt.runs()).isEqualTo(1);
    }

    @Test
    void aStoreFileKeepsWhatStatfsSawAndTheWarnings(@TempDir Path dir) {
        ResultStore verify = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        List<dev.oomlab.probe.FsStat> df = List.of(new dev.oomlab.probe.FsStat(0, "/dev/shm", 12_345L << 20, 12_000L << 20));
        verify.resultOf(SPEC, HOST, () -> Result.builder(SPEC).outcome(Outcome.OK, "")
                .runId("fake").container("fake-1").filesystems(df).warnings(List.of("a warning")).build());
        Path file = verify.writeTo(dir.resolve("results-store.json"));

        Result answered = ResultStore.load(file).resultOf(SPEC, HOST, () -> rt.run(SPEC, null));
        assertThat(rt.runs()).isZero();
        assertThat(answered.filesystems()).isEqualTo(df);
        assertThat(answered.warnings()).containsExactly("a warning");
    }

    @Test
    void kernelsWritingBackAtOnceLoseNothing(@TempDir Path dir) throws Exception {
        ResultStore verify = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        verify.resultOf(SPEC, HOST, () -> rt.run(SPEC, null));
        Path file = verify.writeTo(dir.resolve("results-store.json"));
        // two kernels read the same file, each measures something else, and both write back at once
        List<Thread> kernels = new java.util.ArrayList<>();
        for (int mib : new int[] {10, 20}) {
            ResultStore kernel = ResultStore.load(file);
            ScenarioSpec own = scenario().memory("1g").allocRam(mib).spec();
            kernel.resultOf(own, HOST, () -> rt.run(own, null));
            kernels.add(new Thread(() -> kernel.mergeInto(file)));
        }
        kernels.forEach(Thread::start);
        for (Thread k : kernels) {
            k.join();
        }
        assertThat(ResultStore.load(file).all()).extracting(StoredResult::container)
                .containsExactlyInAnyOrder("fake-1", "fake-2", "fake-3");
    }

    @Test
    void withoutAStoreEveryRunRuns() {
        ModelRuntime rt = ModelRuntime.exact();
        Runner runner = Runner.on(rt);
        runner.run(SPEC);
        runner.run(SPEC);
        assertThat(ResultStore.current()).isSameAs(ResultStore.NONE);
        assertThat(rt.runs()).isEqualTo(2);
    }
}
