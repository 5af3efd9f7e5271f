package dev.oomlab.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One notebook executed headless: where its executed copy and HTML went, how long it took, and
 * whether every cell ran without error.
 *
 * @param notebook the committed notebook
 * @param executed the executed .ipynb, or null when nbconvert wrote none (kernel died, timed out)
 * @param html     the executed notebook as HTML, or null when there is none
 * @param duration wall time of the execution (kernel start and every cell; not the HTML export)
 * @param errors   one line per failed cell ("cell 4: java.lang.AssertionError: ..."), or why nothing
 *                 ran; empty when the notebook passed
 * @param log      nbconvert's own output, kept for a failure's diagnosis
 */
public record NotebookRun(Path notebook, Path executed, Path html, Duration duration, List<String> errors,
                          Path log) {

    public NotebookRun {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(duration, "duration");
        errors = List.copyOf(errors);
    }

    public boolean passed() {
        return errors.isEmpty() && executed != null;
    }

    /** The notebook's file name without ".ipynb". */
    public String name() {
        return Notebooks.baseName(notebook);
    }

    /** "h4-app-gets-whole-limit-with-shm-in-use  PASSED  19.3 s" (and the errors when failed). */
    @Override
    public String toString() {
        String line = String.format("%-44s %s %7.1f s", name(), passed() ? "PASSED" : "FAILED",
                duration.toMillis() / 1000.0);
        return errors.isEmpty() ? line : line + "\n    " + String.join("\n    ", errors);
    }
}
