package dev.oomlab.notebook;

import java.time.Duration;
import java.util.List;

/** Every notebook of a directory executed, in report order. */
public record NotebookRuns(List<NotebookRun> runs) {

    public NotebookRuns {
        runs = List.copyOf(runs);
    }

    public boolean allPassed() {
        return runs.stream().allMatch(NotebookRun::passed);
    }

    public List<NotebookRun> failed() {
        return runs.stream().filter(r -> !r.passed()).toList();
    }

    public Duration total() {
        return runs.stream().map(NotebookRun::duration).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        runs.forEach(r -> s.append(r).append('\n'));
        return s.append(String.format("%d notebooks, %d failed, %.1f s", runs.size(), failed().size(),
                total().toMillis() / 1000.0)).toString();
    }
}
