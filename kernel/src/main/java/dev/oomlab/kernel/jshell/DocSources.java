package dev.oomlab.kernel.jshell;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where inspect finds javadoc: the JDK's lib/src.zip (as JShell looks for it) and the sources jars
 * Maven builds beside the kernel's jar (target/oomlab-dsl-sources.jar). JShell has no API to add
 * sources, only a static list meant for its tests; it is set here when jdk.jshell is opened to the
 * kernel (the kernelspec passes --add-opens), else JShell keeps finding the JDK's on its own.
 */
final class DocSources {

    private DocSources() {
    }

    /** Installs the list once per JVM; returns what it could not do, for a log line. */
    static Optional<String> install() {
        List<Path> sources = new ArrayList<>(jdkSources());
        sources.addAll(kernelSourceJars());
        try {
            Field override = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, List.copyOf(sources));
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("oomlab's javadoc is not available to inspect (" + e + ")");
        }
    }

    /** The module folders of a modular src.zip; the zip file system stays open for the JVM's life. */
    static List<Path> jdkSources() {
        Path zip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        try {
            FileSystem fs = FileSystems.newFileSystem(zip, Map.of());
            Path root = fs.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(zip);
            }
            List<Path> modules = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
                dirs.forEach(modules::add);
            }
            return modules;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** *-sources.jar files beside the jar (or classes folder) the kernel runs from. */
    static List<Path> kernelSourceJars() {
        try {
            Path code = Path.of(DocSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = code.getParent();
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith("sources.jar")).sorted().toList();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }
}
