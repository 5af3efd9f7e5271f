package dev.oomlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.hypothesis.Catalogue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notebooks as committed: no outputs, the oomlab kernelspec, and one per hypothesis. */
class CommittedNotebooksIT {

    private static final Path NOTEBOOKS = Path.of("..", "notebooks");

    @Test
    void everyNotebookIsCommittedWithoutOutputsAndWithTheOomlabKernelspec() {
        List<Path> notebooks = Notebooks.list(NOTEBOOKS);
        assertThat(notebooks).isNotEmpty();
        for (Path notebook : notebooks) {
            assertThat(CommittedNotebook.problems(notebook)).as("%s", notebook.getFileName()).isEmpty();
        }
    }

    @Test
    void theOverviewEveryHypothesisAndThePlatformBugHaveANotebook() {
        List<String> names = Notebooks.list(NOTEBOOKS).stream().map(Notebooks::baseName).toList();
        assertThat(names.get(0)).isEqualTo("00-overview");
        for (String id : Catalogue.ids()) {
            assertThat(names).as("a notebook for %s", id)
                    .anyMatch(n -> n.startsWith(id.toLowerCase() + "-"));
        }
        assertThat(names).contains("platform-bug-shm-deduction");
    }

    @Test
    void eachHypothesisNotebookRunsItsOwnHypothesis() {
        for (Path notebook : Notebooks.list(NOTEBOOKS)) {
            String name = Notebooks.baseName(notebook);
            if (name.matches("h\\d+-.*")) {
                String id = name.substring(0, name.indexOf('-')).toUpperCase();
                StringBuilder code = new StringBuilder();
                Notebooks.read(notebook).path("cells").forEach(c -> {
                    if ("code".equals(c.path("cell_type").asText())) {
                        c.path("source").forEach(line -> code.append(line.asText()));
                        code.append(c.path("source").isTextual() ? c.path("source").asText() : "");
                    }
                });
                assertThat(code.toString()).as("%s runs Catalogue.byId(\"%s\")", name, id)
                        .contains("Catalogue.byId(\"" + id + "\")");
            }
        }
    }
}
