package dev.oomlab.kernel.jshell;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The class path cells compile against: the JVM's, minus libraries that are only the DSL's or the
 * kernel's plumbing (TLS, PDF, ZeroMQ, ...). javac scans every package of every jar it is given
 * on each of JShell's compiles, so fewer jars make every cell faster. Classes from these jars
 * still load at run time; only user code cannot name them.
 */
final class CompileClassPath {

    static final List<String> PLUMBING = List.of(
            "bcprov-", "bcpkix-", "bcutil-", "docker-java-transport", "jna-", "jnacl-",
            "pdfbox-", "fontbox-", "graphics2d-", "VectorGraphics2D-", "animated-gif-lib-",
            "commons-compress-", "commons-io-", "commons-logging-", "classgraph-", "icu4j-",
            "univocity-parsers-", "jeromq-", "picocli-", "slf4j-nop-",
            // %maven's resolver and the stop-check weaver: the kernel's, not the user's
            "maven-", "plexus-", "httpclient-", "httpcore-", "commons-codec-", "gson-", "error_prone_annotations-",
            "javax.inject-", "jcl-over-slf4j-", "asm-");

    private CompileClassPath() {
    }

    static String of(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !isPlumbing(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static boolean isPlumbing(String entry) {
        Path name = Path.of(entry).getFileName();
        String file = name == null ? entry : name.toString();
        return file.endsWith(".jar") && PLUMBING.stream().anyMatch(file::startsWith);
    }
}
