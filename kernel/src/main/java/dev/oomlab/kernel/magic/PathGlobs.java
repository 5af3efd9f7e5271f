package dev.oomlab.kernel.magic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** %classpath and %jars arguments: plain paths, or globs such as lib/*.jar or libs/**.jar. */
final class PathGlobs {

    private PathGlobs() {
    }

    /** Every argument's paths, relative ones against {@code base}; an argument that matches nothing is an error. */
    static List<Path> expand(String magic, List<String> arguments, Path base) {
        List<Path> paths = new ArrayList<>();
        for (String argument : arguments) {
            List<Path> matched = isGlob(argument) ? glob(argument, base) : plain(argument, base);
            if (matched.isEmpty()) {
                throw new MagicException("%" + magic + ": \"" + argument + "\" matches no file");
            }
            paths.addAll(matched);
        }
        return paths;
    }

    private static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> plain(String argument, Path base) {
        Path path = base.resolve(home(argument)).normalize();
        return Files.exists(path) ? List.of(path) : List.of();
    }

    /** Walks from the last directory before the first wildcard; sorted, so the class path order is stable. */
    private static List<Path> glob(String argument, Path base) {
        String pattern = base.resolve(home(argument)).normalize().toString();
        int wildcard = firstWildcard(pattern);
        Path root = Path.of(pattern.substring(0, pattern.lastIndexOf('/', wildcard) + 1));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return pattern.length();
    }

    private static String home(String argument) {
        return argument.startsWith("~/") ? System.getProperty("user.home") + argument.substring(1) : argument;
    }
}
