package dev.oomlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What every JShell session of oomlab starts with: JShell's own default imports, then the DSL's
 * (dev/oomlab/startup.jsh). One place, so the kernel, scripts and jshell agree.
 */
public final class Startup {

    public static final String JSHELL_DEFAULTS = "/dev/oomlab/jshell-defaults.jsh";
    public static final String DSL_IMPORTS = "/dev/oomlab/startup.jsh";

    private Startup() {
    }

    /** JShell's defaults and the DSL's imports, one snippet per line. */
    public static List<String> snippets() {
        List<String> all = new ArrayList<>(lines(JSHELL_DEFAULTS));
        all.addAll(lines(DSL_IMPORTS));
        return all;
    }

    /** The DSL's imports as a script, for the jshell tool (which adds its own defaults). */
    public static String dslImports() {
        return String.join("\n", lines(DSL_IMPORTS)) + "\n";
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Startup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
