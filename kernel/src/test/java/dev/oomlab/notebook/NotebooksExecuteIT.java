package dev.oomlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every notebook executed headless with nbconvert on the oomlab kernel, installed into a scratch
 * prefix: any cell error fails, and so does a case whose outcome differs from the seed's (its cell
 * throws). The executed notebooks and their HTML stay in target/notebooks-executed/ to look at.
 */
class NotebooksExecuteIT {

    private static final Path OUT = Path.of("target", "notebooks-executed");

    @Test
    void everyNotebookExecutesWithoutError() throws Exception {
        TestDirs.clean(OUT);
        Path prefix = TestDirs.kernelPrefix(OUT.resolve("kernel-prefix"));
        NotebookRuns runs = NotebookRunner.on(prefix).listener(new NotebookListener() {
            @Override
            public void finished(NotebookRun run, int index, int total) {
                System.out.printf("[%d/%d] %s%n", index + 1, total, run);
            }
        }).runAll(Path.of("..", "notebooks"), OUT);
        System.out.println(runs);
        assertThat(runs.failed()).as("%s", runs).isEmpty();
        for (NotebookRun run : runs.runs()) {
            assertThat(run.html()).as("%s has its HTML", run.name()).isNotNull();
            assertThat(Files.readString(run.html())).as("%s's HTML holds a chart", run.name()).contains("data:image/png;base64,");
        }
    }
}
