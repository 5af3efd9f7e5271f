package dev.oomlab.notebook;

import java.nio.file.Path;

/** Hears a batch of notebooks being executed; with parallelism, from several threads at once. */
public interface NotebookListener {

    NotebookListener NONE = new NotebookListener() { };

    default void started(Path notebook, int index, int total) {
    }

    default void finished(NotebookRun run, int index, int total) {
    }
}
