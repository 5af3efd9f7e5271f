package dev.oomlab.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Results kept by scenario (its limits and steps; the name aside) and host, so that within one
 * job no scenario runs twice on a host: {@code bin/oomlab verify} keeps one, writes it under the
 * report directory, and the kernel it starts for the notebooks answers from that file (named by
 * {@value #ENV}) instead of running again. A result taken from a store says so
 * ({@link Result#reused()}, with the run and container that measured it).
 *
 * <p>The process-wide store is {@link #NONE} (remembers nothing: a notebook a user opens
 * measures afresh) unless {@link #use} set one or {@value #ENV} names a file.
 */
public final class ResultStore {

    /** The environment variable naming a store file a process answers from. */
    public static final String ENV = "OOMLAB_RESULT_STORE";
    /** Remembers nothing: every run runs. */
    public static final ResultStore NONE = new ResultStore(false);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static volatile ResultStore current;
    private static final Object MERGING = new Object();

    private final boolean remembers;
    /** Key to the run's result: a second caller of a run in flight waits for it. */
    private final Map<String, CompletableFuture<Result>> byKey = new ConcurrentHashMap<>();
    /** Every result measured by this process, in the order they ended: one per container started. */
    private final List<StoredResult> measured = Collections.synchronizedList(new ArrayList<>());
    /** What a file held, in its order. */
    private final Map<String, StoredResult> loaded = Collections.synchronizedMap(new LinkedHashMap<>());

    private ResultStore(boolean remembers) {
        this.remembers = remembers;
    }

    /** An empty store that remembers what runs through it. */
    public static ResultStore empty() {
        return new ResultStore(true);
    }

    /** A store answering from a file written by {@link #writeTo}, and remembering new runs too. */
    public static ResultStore load(Path file) {
        ResultStore store = empty();
        try {
            StoredResult[] stored = JSON.readValue(file.toFile(), StoredResult[].class);
            for (StoredResult s : stored) {
                store.loaded.put(key(s.host(), s.scenarioKey()), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(ENV + ": cannot read the result store \"" + file + "\": "
                    + e.getMessage(), e);
        }
        return store;
    }

    /** The process-wide store: set by {@link #use}, else loaded from {@value #ENV}, else {@link #NONE}. */
    public static ResultStore current() {
        ResultStore s = current;
        if (s == null) {
            synchronized (ResultStore.class) {
                s = current;
                if (s == null) {
                    String file = System.getenv(ENV);
                    s = file == null || file.isBlank() ? NONE : load(Path.of(file));
                    if (s != NONE) {
                        writeBackAtExit(s, Path.of(file));
                    }
                    current = s;
                }
            }
        }
        return s;
    }

    /**
     * What a process answering from a file measured itself goes back into that file when it ends,
     * so the next process (a later notebook of a verify) reuses it too and the job's list of
     * containers is whole. Kernels of notebooks run side by side, so the write merges.
     */
    private static void writeBackAtExit(ResultStore store, Path file) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!store.measured().isEmpty()) {
                store.mergeInto(file);
            }
        }, "oomlab-result-store"));
    }

    /** Makes {@code store} the process-wide one (verify: one store for the whole job). */
    public static synchronized void use(ResultStore store) {
        current = java.util.Objects.requireNonNull(store, "store");
    }

    /**
     * The result for this scenario on this host: from the store when it holds one (marked reused,
     * under the caller's name), else from {@code run}, remembered. Runs that started no container
     * (refused before one existed) and runs that threw are not remembered.
     */
    Result resultOf(ScenarioSpec scenario, String host, Supplier<Result> run) {
        return resultByKey(scenario, scenarioKey(scenario), host, run);
    }

    /**
     * The same for a container of a set: {@code context} (the whole set and the container's place
     * in it) joins the key, so a container that runs twice on purpose, or after another, is never
     * answered by the result of a different run.
     */
    Result resultInSet(ScenarioSpec scenario, String context, String host, Supplier<Result> run) {
        return resultByKey(scenario, scenarioKey(scenario) + " " + context, host, run);
    }

    /** Whether a result for this scenario in this context can be answered without running it. */
    boolean holds(ScenarioSpec scenario, String context, String host) {
        String k = key(host, scenarioKey(scenario) + " " + context);
        CompletableFuture<Result> f = byKey.get(k);
        return remembers && (loaded.containsKey(k) || f != null && f.isDone() && !f.isCompletedExceptionally());
    }

    private Result resultByKey(ScenarioSpec scenario, String scenarioKey, String host, Supplier<Result> run) {
        if (!remembers) {
            return run.get();
        }
        String k = key(host, scenarioKey);
        StoredResult old = loaded.get(k);
        if (old != null) {
            return old.toResult(scenario).asReused();
        }
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> theirs = byKey.putIfAbsent(k, mine);
        if (theirs != null) {
            try {
                return theirs.join().withScenario(scenario).asReused();
            } catch (CompletionException e) {
                return resultByKey(scenario, scenarioKey, host, run); // the first run failed and was forgotten: run it here
            }
        }
        try {
            Result r = run.get();
            if (r.container().isEmpty()) {
                byKey.remove(k, mine);
            } else {
                measured.add(StoredResult.of(host, scenarioKey, r));
            }
            mine.complete(r);
            return r;
        } catch (RuntimeException | Error e) {
            byKey.remove(k, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Every run this process measured (not those reused), in the order they ended. */
    public List<StoredResult> measured() {
        synchronized (measured) {
            return List.copyOf(measured);
        }
    }

    /** What this store holds: what it loaded, then what it measured, each run once. */
    public List<StoredResult> all() {
        List<StoredResult> all;
        synchronized (loaded) {
            all = new ArrayList<>(loaded.values());
        }
        all.addAll(measured());
        return all;
    }

    /** Writes {@link #all} as a JSON array; atomically replaces {@code file}. */
    public Path writeTo(Path file) {
        List<StoredResult> all = all();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".store", ".json");
            try {
                JSON.writeValue(tmp.toFile(), all);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the result store " + file, e);
        }
        return file;
    }

    /**
     * Adds what this store holds to {@code file}, keeping what other processes wrote there since it
     * was read: under an exclusive lock on a sidecar file ({@code file}.lock), so processes
     * writing at once lose nothing. A run already in the file (same host and scenario) stays as it is.
     */
    public Path mergeInto(Path file) {
        Path abs = file.toAbsolutePath();
        Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
        // a file lock excludes other processes only; threads of this one take turns first
        synchronized (MERGING) {
            return mergeLocked(abs, lockFile);
        }
    }

    /** Removes the lock file {@link #mergeInto} left beside {@code file}, once no process merges any more. */
    public static void removeLock(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Files.deleteIfExists(abs.resolveSibling(abs.getFileName() + ".lock"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the result store's lock beside " + file, e);
        }
    }

    private Path mergeLocked(Path abs, Path lockFile) {
        try {
            Files.createDirectories(abs.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                ResultStore merged = Files.isRegularFile(abs) ? load(abs) : empty();
                for (StoredResult s : all()) {
                    merged.loaded.putIfAbsent(key(s.host(), s.scenarioKey()), s);
                }
                return merged.writeTo(abs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not merge into the result store " + abs, e);
        }
    }

    /**
     * Everything that decides what a run does, and nothing else: every limit (with its kind of
     * shm mount) and every step's probe argument; the name is only a label.
     */
    public static String scenarioKey(ScenarioSpec s) {
        var l = s.limits();
        return String.join(" ", "memory=" + bytes(l.memory()), "swap=" + bytes(l.memorySwap()),
                "shm=" + l.shm().getClass().getSimpleName() + ":" + l.shm().describe(),
                "oomKillDisable=" + l.oomKillDisable(), "reservation=" + bytes(l.memoryReservation()),
                "oomScoreAdj=" + l.oomScoreAdj(), "ipc=" + l.ipc(), "timeoutMs=" + l.timeout().toMillis(),
                "kernelMemory=" + bytes(l.kernelMemory()), "cgroupV2=" + l.cgroupV2().files(),
                "steps=" + String.join(",", s.steps().stream().map(st -> st.probeArg()).toList()),
                "processes=" + String.join(",", s.processes().stream()
                        .flatMap(p -> p.probeArgs().stream()).toList()));
    }

    private static String bytes(dev.oomlab.spec.Size size) {
        return size == null ? "none" : Long.toString(size.bytes());
    }

    private static String key(String host, String scenarioKey) {
        return host + "\n" + scenarioKey;
    }

    /** The number of results this store can answer from a file it loaded. */
    public int loadedCount() {
        return loaded.size();
    }
}
