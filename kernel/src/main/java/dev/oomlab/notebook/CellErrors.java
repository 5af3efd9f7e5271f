package dev.oomlab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The cells of an executed notebook that ended in an error, one line each. */
final class CellErrors {

    private static final int MAX_MESSAGE = 400;

    private CellErrors() {
    }

    /** "cell 4 (In [1]): java.lang.AssertionError: H4 did not reproduce ..." for every error output. */
    static List<String> of(Path executed) {
        List<String> errors = new ArrayList<>();
        JsonNode cells = Notebooks.read(executed).path("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            for (JsonNode output : cell.path("outputs")) {
                if ("error".equals(output.path("output_type").asText())) {
                    String count = cell.path("execution_count").isNumber()
                            ? " (In [" + cell.path("execution_count").asInt() + "])" : "";
                    errors.add("cell " + (i + 1) + count + ": " + output.path("ename").asText() + ": "
                            + shorten(output.path("evalue").asText()));
                }
            }
        }
        return errors;
    }

    private static String shorten(String message) {
        String oneLine = message.strip().replaceAll("\\s*\\n\\s*", " | ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
