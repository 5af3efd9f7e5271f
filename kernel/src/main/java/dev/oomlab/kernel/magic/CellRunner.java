package dev.oomlab.kernel.magic;

import dev.oomlab.kernel.jshell.CellOutcome;
import dev.oomlab.kernel.jshell.ErrorReport;
import dev.oomlab.kernel.jshell.JavaRepl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a cell that may hold magics. A cell starting with a %% line is a cell magic over the rest;
 * otherwise lines starting with % are line magics and the Java between them runs in order, so a
 * jar added by %maven can be imported on the next line of the same cell.
 */
public record CellRunner(MavenResolver maven, Path workingDirectory) {

    /** Runs a whole cell: the first of its parts to fail ends it. */
    public CellOutcome run(JavaRepl repl, String code) {
        repl.startCell();
        try {
            String first = code.stripLeading();
            if (first.startsWith("%%")) {
                int end = first.indexOf('\n');
                String header = end < 0 ? first : first.substring(0, end);
                String body = end < 0 ? "" : first.substring(end + 1);
                return cellMagic(repl, header.substring(2).strip(), body);
            }
            return lines(repl, code);
        } catch (MagicException e) {
            return failed("MagicError", e.getMessage());
        }
    }

    private CellOutcome lines(JavaRepl repl, String code) {
        CellOutcome outcome = new CellOutcome.Done();
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (!Magics.isMagicLine(line)) {
                java.append(line).append('\n');
                continue;
            }
            outcome = java(repl, java);
            if (outcome instanceof CellOutcome.Failed) {
                return outcome;
            }
            String magic = line.strip().substring(1);
            outcome = lineMagic(repl, word(magic), rest(magic));
            if (outcome instanceof CellOutcome.Failed) {
                return outcome;
            }
        }
        if (!java.toString().isBlank()) {
            outcome = java(repl, java);
        }
        return outcome;
    }

    private static CellOutcome java(JavaRepl repl, StringBuilder code) {
        String text = code.toString();
        code.setLength(0);
        return text.isBlank() ? new CellOutcome.Done() : repl.evalInCell(text);
    }

    private CellOutcome lineMagic(JavaRepl repl, String name, String args) {
        switch (name) {
            case "maven" -> {
                List<String> coordinates = words(args);
                if (coordinates.isEmpty()) {
                    throw new MagicException("%maven: give one or more group:artifact:version");
                }
                maven.resolve(coordinates).forEach(repl::addToClasspath);
            }
            case "mavenRepo" -> {
                List<String> words = words(args);
                if (words.size() != 2) {
                    throw new MagicException("%mavenRepo: expected an id and a url, got \"" + args.strip() + "\"");
                }
                maven.addRepository(words.get(0), words.get(1));
            }
            case "classpath", "jars" -> {
                List<String> paths = words(args);
                if (paths.isEmpty()) {
                    throw new MagicException("%" + name + ": give one or more paths or globs");
                }
                PathGlobs.expand(name, paths, workingDirectory).forEach(repl::addToClasspath);
            }
            case "load" -> {
                return load(repl, args.strip());
            }
            case "time" -> {
                return time(() -> lines(repl, args));
            }
            case "lsmagic" -> System.out.println(Magics.list());
            default -> throw unknown("%" + name);
        }
        return new CellOutcome.Done();
    }

    private CellOutcome cellMagic(JavaRepl repl, String header, String body) {
        String name = word(header);
        return switch (name) {
            case "time" -> time(() -> lines(repl, body));
            case "loadFromPOM" -> {
                PomDependencies pom = PomDependencies.parse(body);
                pom.repositories().forEach(r -> maven.addRepository(r.id(), r.url()));
                maven.resolve(pom.coordinates()).forEach(repl::addToClasspath);
                yield new CellOutcome.Done();
            }
            default -> throw unknown("%%" + name);
        };
    }

    private CellOutcome load(JavaRepl repl, String file) {
        if (file.isEmpty()) {
            throw new MagicException("%load: give a file, such as %load setup.jsh");
        }
        Path path = workingDirectory.resolve(file).normalize();
        String code;
        try {
            code = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MagicException("%load: cannot read " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return lines(repl, code);
    }

    /** Runs the part and prints its wall time the way IPython's %time does. */
    private static CellOutcome time(Supplier<CellOutcome> part) {
        long start = System.nanoTime();
        CellOutcome outcome = part.get();
        System.out.println("Wall time: " + WallTime.format(System.nanoTime() - start));
        return outcome;
    }

    private static MagicException unknown(String magic) {
        return new MagicException(magic + " is not a magic of this kernel; %lsmagic lists them");
    }

    static CellOutcome failed(String name, String message) {
        return new CellOutcome.Failed(new ErrorReport(name, message,
                message.lines().map(line -> "\u001b[31m" + line + "\u001b[0m").toList()));
    }

    private static String word(String text) {
        String stripped = text.strip();
        int space = indexOfSpace(stripped);
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    private static String rest(String text) {
        String stripped = text.strip();
        int space = indexOfSpace(stripped);
        return space < 0 ? "" : stripped.substring(space + 1);
    }

    private static int indexOfSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
