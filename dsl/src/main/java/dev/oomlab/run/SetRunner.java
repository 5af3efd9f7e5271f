package dev.oomlab.run;

import dev.oomlab.result.Result;
import dev.oomlab.result.SetResult;
import dev.oomlab.runtime.HostShm;
import dev.oomlab.runtime.RunCancelledException;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.ScenarioSet;
import dev.oomlab.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Runs the containers of a validated set through one runner: one after another, or alongside,
 * each started once the one before is running (a container that joins another's IPC gets that
 * container's id). Each result goes through the result store under the set and the container's
 * place in it, so running the same container twice on purpose measures it twice.
 */
final class SetRunner {

    private final Runner runner;

    SetRunner(Runner runner) {
        this.runner = runner;
    }

    SetResult run(ScenarioSet set, RunListener listener) {
        Set<String> segments = new LinkedHashSet<>();
        set.containers().forEach(c -> segments.addAll(ScenarioSet.hostSegments(c)));
        // A store holding some of the set but not all would answer a container whose partner is not
        // run again (a container mapping a segment nobody touched first): then the whole set runs anew.
        long held = java.util.stream.IntStream.range(0, set.containers().size())
                .filter(i -> runner.stored(set.containers().get(i), context(set, i, ""))).count();
        String again = held > 0 && held < set.containers().size() ? " anew" : "";
        List<Result> results;
        String hostShm;
        try {
            // a set the store answers whole starts nothing: no container waits for another's id
            boolean answered = held == set.containers().size();
            results = set.alongside() && !answered ? alongside(set, again, listener) : inOrder(set, again, listener);
        } finally {
            // also after an interrupt: a segment left on the host is memory no container owns any more
            hostShm = cleanUp(segments);
        }
        return new SetResult(set, results, hostShm);
    }

    private String cleanUp(Set<String> segments) {
        boolean interrupted = Thread.interrupted();
        try {
            return HostShm.remove(runner.runtime(), segments);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The store's key beside the container's own: the whole set and the container's place in it. */
    static String context(ScenarioSet set, int index, String again) {
        StringBuilder s = new StringBuilder(set.alongside() ? "set alongside [" : "set in order [");
        for (int i = 0; i < set.containers().size(); i++) {
            ScenarioSpec c = set.containers().get(i);
            s.append(i == 0 ? "" : "; ").append(c.name()).append('=').append(ResultStore.scenarioKey(c));
        }
        return s.append("] #").append(index + 1).append(again).toString();
    }

    /**
     * What the limit model is asked about a container: a container joining another's IPC maps that
     * one's /dev/shm, so it is modelled with that mount. The model still charges what a container
     * maps to that container: whether that holds is E8's question.
     */
    static ScenarioSpec modelled(ScenarioSet set, ScenarioSpec container) {
        String target = ScenarioSet.joined(container);
        return target == null ? container
                : container.withLimits(container.limits().withShm(set.container(target).limits().shm()));
    }

    private List<Result> inOrder(ScenarioSet set, String again, RunListener listener) {
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < set.containers().size(); i++) {
            ScenarioSpec c = set.containers().get(i);
            out.add(runner.runInSet(c, context(set, i, again), UnaryOperator.identity(), modelled(set, c), listener));
        }
        return out;
    }

    /**
     * Each container on a thread of its own, started once the one before is running (or has ended,
     * or was answered by the store); one that joins another's IPC is given that one's container id.
     */
    private List<Result> alongside(ScenarioSet set, String again, RunListener listener) {
        int n = set.containers().size();
        List<CompletableFuture<String>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(new CompletableFuture<>());
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "oomlab-set");
            t.setDaemon(true);
            return t;
        });
        List<Future<Result>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> runAlongside(set, index, again, started, listener)));
            }
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("set interrupted: its containers removed");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true)); // a run interrupted removes its own container
            // shutdown, not shutdownNow: a second interrupt would break the removal the first one started
            pool.shutdown();
            awaitRemovals(pool);
        }
    }

    /** Waits for the interrupted runs to remove their containers, even on an interrupted thread. */
    private static void awaitRemovals(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Result runAlongside(ScenarioSet set, int index, String again, List<CompletableFuture<String>> started,
                                RunListener listener) throws InterruptedException, ExecutionException {
        ScenarioSpec spec = set.containers().get(index);
        if (index > 0) {
            started.get(index - 1).get();
        }
        String target = ScenarioSet.joined(spec);
        UnaryOperator<ScenarioSpec> atStart = UnaryOperator.identity();
        if (target != null) {
            String id = started.get(set.names().indexOf(target)).get();
            if (id == null) {
                throw new IllegalStateException("ipc: \"container:" + target + "\" of \"" + spec.name() + "\": \""
                        + target + "\" was not running when \"" + spec.name() + "\" was to start");
            }
            atStart = s -> s.withLimits(s.limits().withIpc("container:" + id));
        }
        CompletableFuture<String> mine = started.get(index);
        RunListener hearStart = new RunListener() {
            @Override
            public void sample(ScenarioSpec scenario, dev.oomlab.probe.Sample sample) {
                listener.sample(scenario, sample);
            }

            @Override
            public void started(ScenarioSpec scenario, String containerId) {
                listener.started(scenario, containerId);
                mine.complete(containerId);
            }
        };
        try {
            return runner.runInSet(spec, context(set, index, again), atStart, modelled(set, spec), hearStart);
        } finally {
            mine.complete(null); // ended, refused or answered by the store: the next need not wait
        }
    }
}
