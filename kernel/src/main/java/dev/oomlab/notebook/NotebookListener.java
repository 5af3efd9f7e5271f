package dev.oomlab.notebook;

import java.nio.file.Path;

/** Hears a batch of notebooks being executed, one after the other. */
public interface NotebookListener {

    NotebookListener NONE = new NotebookListener() { };

    default void started(Path notebook, int index, int total) {
    }

    default void finished(NotebookRun run, int index, int total) {
    }
}
