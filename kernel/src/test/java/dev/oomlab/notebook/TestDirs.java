package dev.oomlab.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/** Scratch directories under target/ and a kernelspec installed into one. */
final class TestDirs {

    private TestDirs() {
    }

    /** A missing tool: the test fails under CI=true, else it is skipped. */
    static void missing(String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(what + ", and CI=true");
        }
        org.junit.jupiter.api.Assumptions.abort(what);
    }

    static void clean(Path dir) throws IOException {
        FileUtils.deleteDirectory(dir.toFile());
        Files.createDirectories(dir);
    }

    /** Installs the kernelspec "oomlab" of this build under {@code prefix}; fails if it did not land there. */
    static Path kernelPrefix(Path prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path installed = NotebookRunner.installKernel(prefix.toAbsolutePath(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Path expected = prefix.toAbsolutePath().resolve("share/jupyter/kernels/oomlab/kernel.json");
        if (!Files.isRegularFile(expected)) {
            throw new IllegalStateException("the kernelspec went to " + installed + ", not " + expected + ": " + out);
        }
        return prefix.toAbsolutePath();
    }
}
