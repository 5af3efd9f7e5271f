package dev.oomlab.cli;

import dev.oomlab.notebook.NotebookRun;
import dev.oomlab.notebook.NotebookRunner;
import dev.oomlab.notebook.NotebookRuns;
import dev.oomlab.notebook.Notebooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.FileUtils;

/**
 * verify's notebooks, executed so that they cost little wall time: those that need only the
 * hypotheses' results start as soon as those are in the store, beside the platform bug's
 * measurement; those that show the platform bug (metadata {@code oomlab.needs: ["platform-bug"]})
 * join the same queue when it is measured. {@link #PARALLELISM} run at once, on a kernelspec
 * installed into a temp prefix.
 */
final class VerifyNotebooks implements AutoCloseable {

    /**
     * Notebooks at once. Most of a notebook's time is its kernel's JVM starting and nbconvert's
     * Python, CPU work that overlaps the platform bug's runs (one or two containers touching memory).
     */
    static final int PARALLELISM = 3;
    static final String NEEDS_PLATFORM_BUG = "platform-bug";
    /**
     * Metadata of a notebook that runs on the cgroup v2 VM host (it attaches the VM named "vm"):
     * executed only when verify runs on that VM ({@code --hosts ...,vm}), else listed as skipped.
     */
    static final String NEEDS_VM_HOST = "vm-host";

    private final Path reportDir;
    private final ProgressBar progress;
    private final Path prefix;
    private final NotebookRunner runner;
    /** Every notebook verify executes, in report order. */
    private final List<Path> all;
    /** The notebooks that need the VM host when verify does not run on it. */
    private final List<Path> skipped;
    private final List<Path> early = new ArrayList<>();
    private final List<Path> late = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, r -> {
        Thread t = new Thread(r, "oomlab-notebook");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, Future<NotebookRun>> runs = new LinkedHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean finishing;
    private long start;

    private VerifyNotebooks(Path reportDir, Path storeFile, ProgressBar progress, Path prefix, boolean onVmHost) {
        this.reportDir = reportDir;
        this.progress = progress;
        this.prefix = prefix;
        this.runner = NotebookRunner.on(prefix).resultStore(storeFile);
        List<Path> found = Notebooks.list(ProjectRoot.resolve("notebooks"));
        this.skipped = found.stream().filter(nb -> !onVmHost && Notebooks.needs(nb).contains(NEEDS_VM_HOST)).toList();
        this.all = found.stream().filter(nb -> !skipped.contains(nb)).toList();
        for (Path nb : all) {
            (Notebooks.needs(nb).contains(NEEDS_PLATFORM_BUG) ? late : early).add(nb);
        }
    }

    /** @param onVmHost whether verify runs on the VM host "vm", so that its notebooks can attach it */
    static VerifyNotebooks prepare(Path reportDir, Path storeFile, ProgressBar progress, boolean onVmHost) {
        Path prefix = null;
        try {
            prefix = Files.createTempDirectory("oomlab-kernelspec");
            NotebookRunner.installKernel(prefix, System.err);
            return new VerifyNotebooks(reportDir, storeFile, progress, prefix, onVmHost);
        } catch (IOException | RuntimeException e) {
            delete(prefix);
            throw e instanceof IOException io ? new UncheckedIOException("could not prepare a kernelspec", io)
                    : (RuntimeException) e;
        }
    }

    /** Queues the notebooks that need only the hypotheses; the store file must hold their results. */
    void startEarly() {
        start = System.nanoTime();
        early.forEach(this::submit);
    }

    /** Queues the rest (the store file now holds the platform bug) and waits for every notebook. */
    NotebookRuns finish() {
        if (start == 0) {
            startEarly();
        }
        progress.phase("notebooks");
        finishing = true;
        late.forEach(this::submit);
        List<NotebookRun> ordered = new ArrayList<>();
        for (Path nb : all) {
            ordered.add(join(runs.get(nb)));
        }
        progress.end();
        return new NotebookRuns(ordered);
    }

    /** The notebooks not executed because they need the VM host ({@code verify --hosts local,vm} runs them). */
    List<Path> skipped() {
        return skipped;
    }

    /** Wall seconds from the first notebook's start to the last one's end. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void submit(Path notebook) {
        int total = all.size();
        runs.put(notebook, pool.submit(() -> {
            NotebookRun run = runner.run(notebook, reportDir.resolve("notebooks"));
            String name = run.notebook().getFileName() + (run.passed() ? "" : " FAILED");
            if (finishing) {
                progress.step(done.incrementAndGet(), total, name);
            } else {
                done.incrementAndGet();
                progress.aside("notebook " + name); // the bar is the platform bug's
            }
            return run;
        }));
    }

    /** Stops what still runs (an interrupt reaches each nbconvert, which stops its kernel). */
    @Override
    public void close() {
        pool.shutdownNow();
        delete(prefix);
    }

    private static NotebookRun join(Future<NotebookRun> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while executing notebooks", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void delete(Path dir) {
        if (dir != null) {
            // a temp dir we could not fully remove is reported by nothing else; keep going
            FileUtils.deleteQuietly(dir.toFile());
        }
    }
}
