package dev.oomlab.suite;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.host.Host;
import dev.oomlab.result.Result;
import dev.oomlab.run.Runner;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RunCancelledException;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs independent scenarios (or tasks) in parallel under a memory budget: the limits of the
 * running containers never sum past the host's available memory minus a reserve, so parallel runs
 * do not push the host itself into reclaim. Results come back in input order whatever the
 * completion order. Immutable; configure fluently.
 */
public final class Suite {

    /** Kept back from the host's available memory for the host, the engine and this JVM. */
    public static final long DEFAULT_RESERVE_BYTES = 2048L * Size.MIB;
    /**
     * Runs at once by default: one more than the cores, so both cores stay busy touching pages
     * while another run waits on the engine (create, start, remove). Measured on 2 cores, the 22
     * seed cases: 1 at once 21-32 s, 2: 12-16 s, 3: 12 s, 4: 12-16 s, 6: 12-20 s (the spread is
     * the shared host); past 2 the cores are the limit, and 3 was the steadiest.
     */
    public static final int DEFAULT_PARALLELISM = defaultParallelism();

    private final Runner runner;
    private final int parallelism;
    private final Long budgetBytes;
    private final SuiteListener listener;

    private Suite(Runner runner, int parallelism, Long budgetBytes, SuiteListener listener) {
        this.runner = runner;
        this.parallelism = parallelism;
        this.budgetBytes = budgetBytes;
        this.listener = listener;
    }

    /** A suite on the default runtime (the local Docker engine, connected when first used). */
    public static Suite defaults() {
        return new Suite(Runner.defaults(), DEFAULT_PARALLELISM, null, SuiteListener.defaultListener());
    }

    public static Suite on(ContainerRuntime runtime) {
        return with(Runner.on(Objects.requireNonNull(runtime, "runtime")));
    }

    /**
     * A suite on a host, under that host's own budget where it states one (a VM: its memory less
     * what its guest keeps), else this machine's available memory less the reserve.
     */
    public static Suite on(Host host) {
        Suite suite = with(Runner.on(Objects.requireNonNull(host, "host")));
        long budget = host.memoryBudgetBytes();
        return budget > 0 ? suite.budgetBytes(budget) : suite;
    }

    public static Suite with(Runner runner) {
        return new Suite(Objects.requireNonNull(runner, "runner"), DEFAULT_PARALLELISM, null,
                SuiteListener.defaultListener());
    }

    public Suite parallelism(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("parallelism: must be at least 1, got " + n);
        }
        return new Suite(runner, n, budgetBytes, listener);
    }

    /** A fixed budget instead of the host's available memory minus the reserve. */
    public Suite budget(String size) {
        return new Suite(runner, parallelism, Size.parse("budget", size).bytes(), listener);
    }

    public Suite budgetBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("budget: must be positive, got " + bytes + " bytes");
        }
        return new Suite(runner, parallelism, bytes, listener);
    }

    public Suite listener(SuiteListener newListener) {
        return new Suite(runner, parallelism, budgetBytes, Objects.requireNonNull(newListener, "listener"));
    }

    public Runner runner() {
        return runner;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Who hears this suite's progress; work run beside the batch (sets of containers) reports to it too. */
    public SuiteListener listener() {
        return listener;
    }

    /** The budget a batch started now would get. */
    public long budgetBytes() {
        if (budgetBytes != null) {
            return budgetBytes;
        }
        long available = runner.runtime().availableMemoryBytes();
        // an unknown host still runs, one task at a time: each task takes the whole budget
        return Math.max(available - DEFAULT_RESERVE_BYTES, 1);
    }

    /** Runs every scenario; each result carries the limit model's prediction. */
    public List<Result> run(List<Scenario> scenarios) {
        List<Task<Result>> tasks = scenarios.stream().map(Suite::task).toList();
        return runTasks(tasks);
    }

    /** A task that runs one scenario, reserving its container's limit. */
    public static Task<Result> task(Scenario scenario) {
        ScenarioSpec s = scenario.spec().validate();
        return new Task<>(s.label(), reserveOf(s), costOf(s), runner -> runner.run(s));
    }

    /**
     * Roughly the bytes a run writes, which is what its time goes into: allocations stop at the
     * limit (the kill), file writes do not.
     */
    static long costOf(ScenarioSpec s) {
        long alloc = 0;
        long files = 0;
        for (Step step : s.allSteps()) {
            if (step instanceof Step.WriteFile || step instanceof Step.ReadFile) {
                files += step.targetBytes();
            } else {
                alloc += step.targetBytes();
            }
        }
        return Math.min(alloc, reserveOf(s)) + files;
    }

    /** What a scenario's container may take from the host: memory, or memory+swap where larger. */
    public static long reserveOf(ScenarioSpec s) {
        var limits = s.limits();
        if (limits.effectiveMemorySwap().bytes() > limits.memory().bytes()) {
            // A case that may swap runs alone: the host's swap is one disk the budget does not track,
            // and two such cases take each other's swap (measured on the VM: ram 800 under 512m with
            // memory-swap 1g was killed at 704 MiB beside ram 1200, and ended OK alone).
            return Long.MAX_VALUE;
        }
        return limits.reserveBytes();
    }

    /**
     * Runs the tasks, at most {@link #parallelism()} at once and within the budget. They start
     * costliest first (a stable order), so the batch does not end waiting on one long task; the
     * results come back in input order.
     */
    public <T> List<T> runTasks(List<Task<T>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        MemoryBudget budget = new MemoryBudget(budgetBytes());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int total = tasks.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, total), r -> {
            Thread t = new Thread(r, "oomlab-suite");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(Collections.nCopies(total, null));
            for (int index : startOrder(tasks)) {
                Task<T> task = tasks.get(index);
                futures.set(index, pool.submit(() -> {
                    long granted = budget.acquire(task.reserveBytes());
                    T value;
                    try {
                        listener.started(new Progress(index, task.label(), running.incrementAndGet(), done.get(),
                                total, budget.reserved(), budget.total()));
                        value = task.work().apply(runner);
                    } finally {
                        running.decrementAndGet();
                        budget.release(granted);
                    }
                    listener.finished(new Progress(index, task.label(), running.get(), done.incrementAndGet(),
                            total, budget.reserved(), budget.total()), value);
                    return value;
                }));
            }
            List<T> results = new ArrayList<>(total);
            for (Future<T> f : futures) {
                results.add(await(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Integer> startOrder(List<? extends Task<?>> tasks) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, tasks.size()).boxed().toList());
        order.sort(Comparator.comparingLong((Integer i) -> tasks.get(i).cost()).reversed());
        return order;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("suite interrupted: its running containers are removed");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static int defaultParallelism() {
        return java.lang.Runtime.getRuntime().availableProcessors() + 1;
    }

    @Override
    public String toString() {
        return "Suite(parallelism " + parallelism + ", budget "
                + (budgetBytes != null ? Size.format(budgetBytes) : "host available - " + Size.format(DEFAULT_RESERVE_BYTES))
                + ")";
    }
}
