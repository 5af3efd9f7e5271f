package dev.oomlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner on the real kernel, without containers: a failing cell fails the notebook, names the
 * cell and its message, and the executed copy and its HTML still show what the cell saw.
 */
class NotebookRunnerIT {

    private static final Path WORK = Path.of("target", "notebook-runner");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailingCellFailsTheNotebookAndKeepsItsEvidence() throws Exception {
        TestDirs.clean(WORK);
        Path prefix = TestDirs.kernelPrefix(WORK.resolve("kernel-prefix"));
        Path notebooks = Files.createDirectories(WORK.resolve("notebooks"));
        write(notebooks.resolve("a-passes.ipynb"), List.of("var answer = 6 * 7;", "display(\"answer \" + answer);"));
        write(notebooks.resolve("b-fails.ipynb"), List.of(
                "display(\"observed OOM (exit 137)\");",
                "throw new AssertionError(\"observed OOM, the seed observed OK\");",
                "display(\"the cells after a failure still run, for the report\");"));

        NotebookRuns runs = NotebookRunner.on(prefix).runAll(notebooks, WORK.resolve("out"));

        assertThat(runs.runs()).extracting(NotebookRun::name).containsExactly("a-passes", "b-fails");
        NotebookRun passed = runs.runs().get(0);
        assertThat(passed.passed()).as("%s", passed).isTrue();
        assertThat(Files.readString(passed.html())).contains("answer 42");

        NotebookRun failed = runs.runs().get(1);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.errors()).containsExactly(
                "cell 2 (In [2]): java.lang.AssertionError: observed OOM, the seed observed OK");
        assertThat(Files.readString(failed.executed())).contains("observed OOM (exit 137)")
                .contains("the cells after a failure still run");
        assertThat(Files.readString(failed.html())).contains("observed OOM (exit 137)").contains("AssertionError");
        assertThat(runs.allPassed()).isFalse();
        assertThat(runs.failed()).containsExactly(failed);
        assertThat(runs.toString()).contains("b-fails").contains("FAILED").contains("2 notebooks, 1 failed");
    }

    @Test
    void aMissingKernelspecFailsAtOnceNamingTheFix() {
        Path empty = WORK.resolve("no-kernel-here").toAbsolutePath();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NotebookRunner.on(empty)
                        .runAll(Path.of("..", "notebooks"), WORK.resolve("unused")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernelPrefix")
                .hasMessageContaining("bin/oomlab kernel install --prefix");
    }

    /** A notebook as nbformat 4 with the oomlab kernelspec, one code cell per source. */
    private static void write(Path file, List<String> cells) throws Exception {
        ObjectNode nb = JSON.createObjectNode().put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode metadata = nb.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "oomlab").put("display_name", "Java (oomlab)")
                .put("language", "java");
        metadata.putObject("language_info").put("name", "java");
        ArrayNode array = nb.putArray("cells");
        int i = 0;
        for (String source : cells) {
            ObjectNode cell = array.addObject().put("cell_type", "code").put("id", "c" + i++);
            cell.putNull("execution_count");
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.put("source", source);
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(nb));
        assertThat(CommittedNotebook.problems(file)).isEmpty();
    }
}
