package dev.oomlab.report;

import java.nio.file.Path;
import java.util.List;

/** What a report wrote, so a caller (the CLI, a test) can point at it. */
public record ReportFiles(Path directory, Path index, Path json, Path csv, List<Path> charts) {

    public ReportFiles {
        charts = List.copyOf(charts);
    }
}
