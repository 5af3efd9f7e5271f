package dev.oomlab.kernel.jshell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The snippets every session starts with: JShell's default imports, then the DSL's
 * dev/oomlab/startup.jsh, the same file `bin/oomlab jshell` uses, so both agree.
 */
final class StartupScript {

    static final String JSHELL_DEFAULTS = "dev/oomlab/kernel/default-imports.jsh";
    static final String DSL_STARTUP = "dev/oomlab/startup.jsh";

    private StartupScript() {
    }

    /** The snippets of each resource present on the class path, one per non-blank line. */
    static List<String> snippets(ClassLoader loader, List<String> warnings) {
        List<String> snippets = new ArrayList<>();
        for (String resource : List.of(JSHELL_DEFAULTS, DSL_STARTUP)) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    warnings.add("start-up script " + resource + " is not on the class path");
                    continue;
                }
                snippets.addAll(lines(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return snippets;
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                lines.add(trimmed);
            }
        }
        return lines;
    }
}
