package dev.oomlab.cli;

import java.nio.file.Path;

/** The project's directory: bin/oomlab exports OOMLAB_ROOT; run elsewhere, the current one. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path resolve(String first, String... more) {
        String root = System.getenv("OOMLAB_ROOT");
        return Path.of(root == null ? "." : root).resolve(Path.of(first, more));
    }
}
