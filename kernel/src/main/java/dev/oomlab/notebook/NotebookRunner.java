package dev.oomlab.notebook;

import dev.oomlab.run.ResultStore;
import dev.oomlab.kernel.install.InstallTarget;
import dev.oomlab.kernel.install.KernelSpec;
import dev.oomlab.kernel.install.KernelSpecInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Executes notebooks headless with nbconvert on the oomlab kernel, each into an executed .ipynb
 * and its HTML, and says per notebook how long it took and whether every cell ran clean:
 * {@code NotebookRunner.executeAll(Path.of("notebooks"), Path.of("target/oomlab-report"), prefix)}.
 *
 * <p>nbconvert runs with {@code --allow-errors} so that a failing notebook is still written, with
 * the failing cell's evidence in it, for the report; a notebook fails when any cell has an error
 * output, or when nbconvert itself fails (no kernel, kernel died, a cell timed out). A batch runs
 * one after the other; callers may run single notebooks side by side (verify does): each kernel's
 * suite reads the memory available when its batch starts, so it sees the others' containers.
 */
public record NotebookRunner(Jupyter jupyter, Duration cellTimeout, Duration notebookTimeout, NotebookListener listener,
        Path resultStore) {

    /** The longest a cell may run; the platform bug's capacity curves take a few minutes. */
    public static final Duration DEFAULT_CELL_TIMEOUT = Duration.ofMinutes(20);
    /** The longest nbconvert may run for one notebook before it is stopped. */
    public static final Duration DEFAULT_NOTEBOOK_TIMEOUT = Duration.ofMinutes(60);

    private static final int TIMED_OUT = -1;

    /** Every setting checked here, however it was made; {@code resultStore} may be null (none). */
    public NotebookRunner {
        Objects.requireNonNull(jupyter, "jupyter");
        positive("cellTimeout", cellTimeout);
        positive("notebookTimeout", notebookTimeout);
        Objects.requireNonNull(listener, "listener");
    }

    /**
     * A runner on this machine's jupyter that finds the kernelspec under {@code kernelPrefix}
     * (installed there by {@code bin/oomlab kernel install --prefix} or {@link #installKernel}).
     */
    public static NotebookRunner on(Path kernelPrefix) {
        Objects.requireNonNull(kernelPrefix, "kernelPrefix");
        return on(Jupyter.locate(kernelPrefix));
    }

    public static NotebookRunner on(Jupyter jupyter) {
        return new NotebookRunner(jupyter, DEFAULT_CELL_TIMEOUT, DEFAULT_NOTEBOOK_TIMEOUT, NotebookListener.NONE, null);
    }

    /** Every notebook of {@code notebooksDir}, in report order, into {@code outDir}. */
    public static NotebookRuns executeAll(Path notebooksDir, Path outDir, Path kernelPrefix) {
        return on(kernelPrefix).runAll(notebooksDir, outDir);
    }

    /**
     * Installs this installation's kernelspec "oomlab" under {@code prefix} (prefix/share/jupyter/
     * kernels/oomlab), as {@code bin/oomlab kernel install --prefix} does; returns its directory.
     */
    public static Path installKernel(Path prefix, PrintStream out) {
        Objects.requireNonNull(prefix, "prefix");
        try {
            return new KernelSpecInstaller(out).install(KernelSpec.ofThisInstallation(CommittedNotebook.KERNEL_NAME),
                    new InstallTarget.Prefix(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the kernelspec under " + prefix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the kernelspec", e);
        }
    }

    public NotebookRunner cellTimeout(Duration timeout) {
        return new NotebookRunner(jupyter, timeout, notebookTimeout, listener, resultStore);
    }

    public NotebookRunner notebookTimeout(Duration timeout) {
        return new NotebookRunner(jupyter, cellTimeout, timeout, listener, resultStore);
    }

    public NotebookRunner listener(NotebookListener newListener) {
        return new NotebookRunner(jupyter, cellTimeout, notebookTimeout, newListener, resultStore);
    }

    /**
     * The kernels answer from this result store file (see {@code ResultStore}) instead of running
     * what it holds again, and add what they measure to it: verify's notebooks show verify's runs.
     */
    public NotebookRunner resultStore(Path file) {
        return new NotebookRunner(jupyter, cellTimeout, notebookTimeout, listener,
                Objects.requireNonNull(file, "resultStore").toAbsolutePath());
    }

    public NotebookRuns runAll(Path notebooksDir, Path outDir) {
        List<Path> notebooks = Notebooks.list(notebooksDir);
        if (notebooks.isEmpty()) {
            throw new IllegalArgumentException("notebooksDir: no .ipynb in \"" + notebooksDir + "\"");
        }
        return run(notebooks, outDir);
    }

    public NotebookRuns run(List<Path> notebooks, Path outDir) {
        requireKernel();
        List<NotebookRun> runs = new ArrayList<>();
        for (int i = 0; i < notebooks.size(); i++) {
            listener.started(notebooks.get(i), i, notebooks.size());
            NotebookRun run = execute(notebooks.get(i), outDir);
            runs.add(run);
            listener.finished(run, i, notebooks.size());
        }
        return new NotebookRuns(runs);
    }

    /** Executes one notebook into {@code outDir}: outDir/NAME.ipynb, outDir/NAME.html, outDir/logs/NAME.log. */
    public NotebookRun run(Path notebook, Path outDir) {
        requireKernel();
        return execute(notebook, outDir);
    }

    private NotebookRun execute(Path notebook, Path outDir) {
        if (notebook == null || !Files.isRegularFile(notebook)) {
            throw new IllegalArgumentException("notebook: \"" + notebook + "\" is not a file");
        }
        String name = Notebooks.baseName(notebook);
        Path out = outDir.toAbsolutePath().normalize();
        Path executed = out.resolve(name + ".ipynb");
        Path html = out.resolve(name + ".html");
        Path log = out.resolve("logs").resolve(name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(executed);
            Files.deleteIfExists(html);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + out, e);
        }
        long start = System.nanoTime();
        int status = nbconvert(List.of("nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(), "--output-dir", out.toString(),
                "--output", name, notebook.toAbsolutePath().toString()), log);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> errors = new ArrayList<>();
        if (status != 0 || !Files.isRegularFile(executed)) {
            errors.add(status == TIMED_OUT ? "nbconvert ran past " + notebookTimeout.toMinutes() + " min and was stopped"
                    : "nbconvert failed (exit " + status + "): " + lastLine(log));
            return new NotebookRun(notebook, null, null, took, errors, log);
        }
        errors.addAll(CellErrors.of(executed));
        int htmlStatus = nbconvert(List.of("nbconvert", "--to", "html", "--output-dir", out.toString(),
                "--output", name, executed.toString()), log);
        if (htmlStatus != 0 || !Files.isRegularFile(html)) {
            errors.add("HTML export failed (exit " + htmlStatus + "): " + lastLine(log));
            html = null;
        }
        return new NotebookRun(notebook, executed, html, took, errors, log);
    }

    /** Runs jupyter, appending its output to the log; the exit status, or TIMED_OUT. */
    private int nbconvert(List<String> args, Path log) {
        ProcessBuilder builder = jupyter.process(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (resultStore != null) {
            builder.environment().put(ResultStore.ENV, resultStore.toString()); // the kernel inherits it
        } else {
            builder.environment().remove(ResultStore.ENV);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jupyter.command(), e);
        }
        try {
            if (!process.waitFor(notebookTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                return TIMED_OUT;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + args, e);
        }
    }

    /** The kernel (and its containers' runs) first, then nbconvert: no orphan JVM keeps running. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireKernel() {
        Path spec = jupyter.kernelSpecDir(CommittedNotebook.KERNEL_NAME);
        if (spec != null && !Files.isRegularFile(spec.resolve("kernel.json"))) {
            throw new IllegalArgumentException("kernelPrefix: no kernelspec \"" + CommittedNotebook.KERNEL_NAME
                    + "\" under \"" + jupyter.kernelPrefix() + "\" (install it with: bin/oomlab kernel install --prefix "
                    + jupyter.kernelPrefix() + ")");
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip() + " (log: " + log + ")";
        } catch (IOException e) {
            return "log unreadable: " + log;
        }
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive, got " + d);
        }
    }
}
