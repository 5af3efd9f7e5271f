package dev.oomlab.suite;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.ModelRuntime;
import dev.oomlab.dsl.Scenario;
import dev.oomlab.spec.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Scheduling on fake work: order, budget, parallelism. The real batch is HypothesisIT. */
class SuiteTest {

    private static final long GIB = 1024L * Size.MIB;

    /** Tracks how much is reserved and how many run at once, as the tasks see it. */
    private static final class Meter {
        final AtomicLong inUse = new AtomicLong();
        final AtomicLong peakInUse = new AtomicLong();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peakRunning = new AtomicInteger();

        <T> Task<T> task(String label, long bytes, long sleepMillis, T value) {
            return new Task<>(label, bytes, rt -> {
                peakInUse.accumulateAndGet(inUse.addAndGet(bytes), Math::max);
                peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                inUse.addAndGet(-bytes);
                return value;
            });
        }
    }

    @Test
    void resultsComeBackInInputOrderWhateverTheCompletionOrder() {
        Meter m = new Meter();
        Random random = new Random(42);
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(m.task("t" + i, GIB, random.nextInt(30), i));
        }
        List<Integer> out = Suite.on(ModelRuntime.exact()).parallelism(6).budget("100g").runTasks(tasks);
        assertThat(out).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).boxed().toList());
        assertThat(m.peakRunning.get()).isLessThanOrEqualTo(6);
    }

    @Test
    void theRunningTasksLimitsStayInsideTheBudget() {
        Meter m = new Meter();
        List<Task<Integer>> tasks = new ArrayList<>();
        long[] sizes = {2, 1, 3, 1, 4, 2, 2, 1, 3, 1, 2, 4};
        for (int i = 0; i < sizes.length; i++) {
            tasks.add(m.task("t" + i, sizes[i] * GIB, 20, i));
        }
        Suite.on(ModelRuntime.exact()).parallelism(8).budget("5g").runTasks(tasks);
        assertThat(m.peakInUse.get()).isLessThanOrEqualTo(5 * GIB);
    }

    @Test
    void aTaskLargerThanTheWholeBudgetRunsAlone() {
        Meter m = new Meter();
        List<Task<String>> tasks = List.of(m.task("small", GIB, 30, "a"), m.task("huge", 8 * GIB, 30, "b"),
                m.task("small", GIB, 30, "c"));
        List<Integer> runningWhenHuge = Collections.synchronizedList(new ArrayList<>());
        List<String> out = Suite.on(ModelRuntime.exact()).parallelism(3).budget("4g")
                .listener(new SuiteListener() {
                    @Override
                    public void started(Progress p) {
                        if (p.label().equals("huge")) {
                            runningWhenHuge.add(p.running());
                        }
                    }
                }).runTasks(tasks);
        assertThat(out).containsExactly("a", "b", "c");
        assertThat(runningWhenHuge).containsExactly(1);
    }

    @Test
    void parallelismCapsHowManyRunAtOnce() {
        // Each task waits until three are running together: with fewer slots the barrier would
        // break (its timeout is a deadlock guard, not a measurement); with more, a fourth would
        // start while three wait, and the peak would show it.
        CyclicBarrier three = new CyclicBarrier(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int value = i;
            tasks.add(new Task<>("t" + i, Size.MIB, runner -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    three.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("three tasks never ran together", e);
                } finally {
                    running.decrementAndGet();
                }
                return value;
            }));
        }
        Suite.on(ModelRuntime.exact()).parallelism(3).budget("100g").runTasks(tasks);
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void scenariosRunWithTheModelsPredictionAndTheListenerCountsThem() {
        List<Scenario> scenarios = List.of(scenario().memory("1g").allocRam(2000), scenario().memory("1g").allocRam(10));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        List<Result> results = Suite.on(ModelRuntime.exact()).budget("8g").listener(new SuiteListener() {
            @Override
            public void finished(Progress p, Object value) {
                heard.add(p.index() + " " + ((Result) value).outcome() + " " + p.total());
            }
        }).run(scenarios);
        assertThat(results).extracting(Result::outcome).containsExactly(Outcome.OOM, Outcome.OK);
        assertThat(results).extracting(Result::predicted).containsExactly(Outcome.OOM, Outcome.OK);
        assertThat(heard).containsExactlyInAnyOrder("0 OOM 2", "1 OK 2");
    }

    @Test
    void costlierTasksStartFirstButResultsKeepInputOrder() {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<Task<Integer>> tasks = List.of(new Task<>("a", GIB, 1, rt -> 0), new Task<>("b", GIB, 5, rt -> 1),
                new Task<>("c", GIB, 3, rt -> 2), new Task<>("d", GIB, 5, rt -> 3));
        List<Integer> out = Suite.on(ModelRuntime.exact()).parallelism(1).budget("8g").listener(new SuiteListener() {
            @Override
            public void started(Progress p) {
                started.add(p.label());
            }
        }).runTasks(tasks);
        assertThat(started).containsExactly("b", "d", "c", "a");
        assertThat(out).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aScenariosCostIsWhatItWritesUpToTheLimitPlusFiles() {
        assertThat(Suite.costOf(scenario().memory("1g").allocShm(900).allocRam(900).spec())).isEqualTo(GIB);
        assertThat(Suite.costOf(scenario().memory("2g").allocShm(800).allocRam(1100).spec())).isEqualTo(1900 * Size.MIB);
        assertThat(Suite.costOf(scenario().memory("512m").writeFile(2000).spec())).isEqualTo(2000 * Size.MIB);
    }

    @Test
    void aScenarioReservesItsMemoryAndOneThatMaySwapRunsAlone() {
        assertThat(Suite.reserveOf(scenario().memory("1g").allocRam(1).spec())).isEqualTo(GIB);
        assertThat(Suite.reserveOf(scenario().memory("1g").memorySwap("1g").allocRam(1).spec())).isEqualTo(GIB);
        // the whole budget: swap is one disk per host, which the budget does not track
        assertThat(Suite.reserveOf(scenario().memory("1g").memorySwap("3g").allocRam(1).spec()))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theDefaultBudgetIsTheHostsAvailableMemoryMinusAReserve() {
        Suite s = Suite.on(ModelRuntime.exact());
        assertThat(s.budgetBytes()).isEqualTo(16 * GIB - Suite.DEFAULT_RESERVE_BYTES);
    }

    @Test
    void aFailingTaskFailsTheBatch() {
        List<Task<Integer>> tasks = List.of(new Task<>("ok", 1, rt -> 1),
                new Task<>("bad", 1, rt -> {
                    throw new IllegalStateException("boom");
                }));
        assertThatThrownBy(() -> Suite.on(ModelRuntime.exact()).runTasks(tasks)).hasMessage("boom");
    }

    @Test
    void badInputFailsNamingTheField() {
        assertThatThrownBy(() -> Suite.defaults().parallelism(0)).hasMessageStartingWith("parallelism:");
        assertThatThrownBy(() -> Suite.defaults().budget("lots")).hasMessageStartingWith("budget:");
        assertThatThrownBy(() -> Suite.defaults().budgetBytes(0)).hasMessageStartingWith("budget:");
        assertThatThrownBy(() -> Suite.on(ModelRuntime.exact()).run(List.of(scenario().allocRam(1))))
                .hasMessageStartingWith("memory:");
    }
}
