package dev.oomlab.kernel.magic;

import java.util.List;
import java.util.stream.Stream;

/** The names of the magics, for %lsmagic and completion. */
public final class Magics {

    static final List<String> LINE = List.of("classpath", "jars", "load", "lsmagic", "maven", "mavenRepo", "time");
    static final List<String> CELL = List.of("loadFromPOM", "time");

    private Magics() {
    }

    /** Whether the code at hand is a magic line (completion and is_complete treat these apart). */
    public static boolean isMagicLine(String line) {
        return line.stripLeading().startsWith("%");
    }

    /** "%" + line magics and "%%" + cell magics that start with {@code prefix} (which includes its % signs). */
    public static List<String> complete(String prefix) {
        return Stream.concat(CELL.stream().map(name -> "%%" + name), LINE.stream().map(name -> "%" + name))
                .filter(name -> name.startsWith(prefix))
                .toList();
    }

    static String list() {
        return "Available line magics:\n"
                + String.join("  ", LINE.stream().map(name -> "%" + name).toList())
                + "\n\nAvailable cell magics:\n"
                + String.join("  ", CELL.stream().map(name -> "%%" + name).toList());
    }
}
