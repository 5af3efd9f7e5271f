package dev.oomlab.kernel.magic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** Real jars for the magics to load: one class each, compiled here, optionally laid out as a Maven repository. */
final class TestJars {

    private TestJars() {
    }

    /** A jar holding class {@code pkg.name} whose static greet() returns {@code greeting}. */
    static Path jar(Path dir, String pkg, String name, String greeting) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + name));
        Path java = src.resolve(name + ".java");
        Files.writeString(java, "package " + pkg + "; public class " + name
                + " { public static String greet() { return \"" + greeting + "\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "--release", "17", "-d", classes.toString(), java.toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed for " + java);
        }
        Path jar = dir.resolve(name.toLowerCase() + ".jar");
        String entry = pkg.replace('.', '/') + "/" + name + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry(entry));
            zip.write(Files.readAllBytes(classes.resolve(entry)));
            zip.closeEntry();
        }
        return jar;
    }

    /** Publishes {@code jar} as group:artifact:version in a file-based repository at {@code repo}. */
    static void publish(Path repo, String group, String artifact, String version, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        String base = artifact + "-" + version;
        Files.copy(jar, dir.resolve(base + ".jar"));
        Files.writeString(dir.resolve(base + ".pom"), String.join("\n", List.of(
                "<project><modelVersion>4.0.0</modelVersion>",
                "<groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>",
                "<version>" + version + "</version></project>")));
    }

    /** A settings.xml whose local repository is {@code local}, so tests never write to ~/.m2. */
    static Path settings(Path dir, Path local) throws IOException {
        return Files.writeString(dir.resolve("settings.xml"),
                "<settings><localRepository>" + local + "</localRepository><offline>false</offline></settings>");
    }
}
