package dev.oomlab.cli;

import dev.oomlab.notebook.NotebookListener;
import dev.oomlab.notebook.NotebookRun;
import dev.oomlab.notebook.NotebookRunner;
import dev.oomlab.notebook.NotebookRuns;
import dev.oomlab.notebook.Notebooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.io.FileUtils;

/**
 * verify's notebooks, in two waves so that they cost little wall time: those that need only the
 * hypotheses' results start as soon as those are in the store, beside the platform bug's
 * measurement (which leaves a core idle: its runs are one after the other); those that show the
 * platform bug (metadata {@code oomlab.needs: ["platform-bug"]}) start when it is measured. Each
 * wave runs {@link #PARALLELISM} notebooks at once, on a kernelspec installed into a temp prefix.
 */
final class VerifyNotebooks implements AutoCloseable {

    /** Notebooks at once: their time is mostly a kernel starting, which two cores do two at a time. */
    static final int PARALLELISM = 2;
    static final String NEEDS_PLATFORM_BUG = "platform-bug";

    private final Path reportDir;
    private final Path storeFile;
    private final ProgressBar progress;
    private final Path prefix;
    private final List<Path> early = new ArrayList<>();
    private final List<Path> late = new ArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oomlab-notebooks");
        t.setDaemon(true);
        return t;
    });
    private Future<NotebookRuns> earlyRuns;
    private long start;

    private VerifyNotebooks(Path reportDir, Path storeFile, ProgressBar progress, Path prefix) {
        this.reportDir = reportDir;
        this.storeFile = storeFile;
        this.progress = progress;
        this.prefix = prefix;
        for (Path nb : Notebooks.list(ProjectRoot.resolve("notebooks"))) {
            (Notebooks.needs(nb).contains(NEEDS_PLATFORM_BUG) ? late : early).add(nb);
        }
    }

    static VerifyNotebooks prepare(Path reportDir, Path storeFile, ProgressBar progress) {
        Path prefix = null;
        try {
            prefix = Files.createTempDirectory("oomlab-kernelspec");
            NotebookRunner.installKernel(prefix, System.err);
            return new VerifyNotebooks(reportDir, storeFile, progress, prefix);
        } catch (IOException | RuntimeException e) {
            delete(prefix);
            throw e instanceof IOException io ? new UncheckedIOException("could not prepare a kernelspec", io)
                    : (RuntimeException) e;
        }
    }

    /** Starts the first wave in the background; the store file must hold the hypotheses' results. */
    void startEarly() {
        start = System.nanoTime();
        earlyRuns = background.submit(() -> runner((run, index, total) ->
                progress.aside("notebook " + name(run) + (run.passed() ? " ok" : " FAILED")))
                .run(early, out()));
    }

    /** Waits for the first wave, then runs the second (the store file now holds the platform bug). */
    NotebookRuns finish() {
        if (earlyRuns == null) {
            startEarly();
        }
        progress.phase("notebooks");
        List<NotebookRun> all = new ArrayList<>(join(earlyRuns).runs());
        int total = early.size() + late.size();
        all.addAll(runner((run, index, count) -> progress.step(early.size() + index + 1, total, name(run)))
                .run(late, out()).runs());
        progress.end();
        List<NotebookRun> ordered = new ArrayList<>();
        for (Path nb : Notebooks.list(ProjectRoot.resolve("notebooks"))) {
            all.stream().filter(r -> r.notebook().equals(nb)).findFirst().ifPresent(ordered::add);
        }
        return new NotebookRuns(ordered);
    }

    /** Wall seconds from the first wave's start to the end of the second. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private NotebookRunner runner(Finished finished) {
        return NotebookRunner.on(prefix).resultStore(storeFile).parallelism(PARALLELISM).listener(
                new NotebookListener() {
                    @Override
                    public void finished(NotebookRun run, int index, int total) {
                        finished.heard(run, index, total);
                    }
                });
    }

    private Path out() {
        return reportDir.resolve("notebooks");
    }

    /** Stops a wave still running (an interrupt reaches each nbconvert, which stops its kernel). */
    @Override
    public void close() {
        background.shutdownNow();
        delete(prefix);
    }

    private static NotebookRuns join(Future<NotebookRuns> runs) {
        try {
            return runs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while executing notebooks", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static String name(NotebookRun run) {
        return run.notebook().getFileName().toString();
    }

    private static void delete(Path dir) {
        if (dir != null) {
            // a temp dir we could not fully remove is reported by nothing else; keep going
            FileUtils.deleteQuietly(dir.toFile());
        }
    }

    @FunctionalInterface
    private interface Finished {
        void heard(NotebookRun run, int index, int total);
    }
}
