package dev.oomlab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a notebook must look like in the repository: nbformat 4, the oomlab kernelspec, Java as its
 * language, and no outputs (the executed copies live in the report, never in git).
 */
public final class CommittedNotebook {

    public static final String KERNEL_NAME = "oomlab";
    public static final String KERNEL_DISPLAY_NAME = "Java (oomlab)";

    private CommittedNotebook() {
    }

    /** Every way the notebook differs from that; empty when it is clean. */
    public static List<String> problems(Path notebook) {
        JsonNode nb = Notebooks.read(notebook);
        List<String> problems = new ArrayList<>();
        if (nb.path("nbformat").asInt() != 4) {
            problems.add("nbformat is " + nb.path("nbformat") + ", not 4");
        }
        JsonNode spec = nb.path("metadata").path("kernelspec");
        expect(problems, "metadata.kernelspec.name", spec.path("name"), KERNEL_NAME);
        expect(problems, "metadata.kernelspec.display_name", spec.path("display_name"), KERNEL_DISPLAY_NAME);
        expect(problems, "metadata.kernelspec.language", spec.path("language"), "java");
        expect(problems, "metadata.language_info.name", nb.path("metadata").path("language_info").path("name"), "java");
        JsonNode cells = nb.path("cells");
        if (cells.isEmpty()) {
            problems.add("no cells");
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            if (!cell.path("outputs").isEmpty()) {
                problems.add("cell " + (i + 1) + " has " + cell.path("outputs").size() + " outputs");
            }
            if (!cell.path("execution_count").isNull()) {
                problems.add("cell " + (i + 1) + " has execution_count " + cell.path("execution_count"));
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String field, JsonNode actual, String expected) {
        if (!expected.equals(actual.asText(null))) {
            problems.add(field + " is " + (actual.isMissingNode() ? "missing" : actual.toString()) + ", not \""
                    + expected + "\"");
        }
    }
}
