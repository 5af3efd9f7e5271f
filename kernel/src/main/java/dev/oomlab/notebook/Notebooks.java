package dev.oomlab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The notebooks of a directory, in the order a report reads them, and their JSON. */
public final class Notebooks {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HYPOTHESIS = Pattern.compile("^h(\\d+)-");

    private Notebooks() {
    }

    /**
     * Every .ipynb directly in {@code dir} (checkpoints excluded): the overview (00-...) first, then
     * H1..H8 in number order, the platform bug, then the extended ones and anything else by name.
     */
    public static List<Path> list(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("notebooksDir: \"" + dir + "\" is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Notebooks::rank).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list notebooks in " + dir, e);
        }
    }

    /** Sort key: overview, hypotheses by number, platform bug, extended, the rest. */
    static String rank(Path notebook) {
        String name = notebook.getFileName().toString();
        Matcher h = HYPOTHESIS.matcher(name);
        if (name.startsWith("00-")) {
            return "0";
        }
        if (h.find()) {
            return String.format("1-%04d", Integer.parseInt(h.group(1)));
        }
        if (name.startsWith("platform-bug")) {
            return "2";
        }
        return name.startsWith("extended-") || name.startsWith("e-") ? "3" : "4";
    }

    /**
     * What a notebook says it shows beyond its own runs, in its metadata {@code oomlab.needs}
     * (e.g. "platform-bug"): verify executes it after measuring that.
     */
    public static Set<String> needs(Path notebook) {
        Set<String> needs = new TreeSet<>();
        read(notebook).path("metadata").path("oomlab").path("needs").forEach(n -> needs.add(n.asText()));
        return needs;
    }

    public static String baseName(Path notebook) {
        String name = notebook.getFileName().toString();
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    public static JsonNode read(Path notebook) {
        try {
            return MAPPER.readTree(notebook.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read notebook " + notebook, e);
        }
    }
}
