package dev.oomlab.kernel.install;

import dev.oomlab.kernel.KernelMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of what a kernel loads at start (JShell's compiler, the DSL),
 * recorded from a training run at install time. It cuts the kernel's start by about a third. The
 * JVM checks it against the class path's jars: after a rebuild it is ignored (with a warning in
 * the server log) until the kernel is installed again.
 */
final class CdsArchive {

    static final String FILE = "oomlab-kernel.jsa";

    private CdsArchive() {
    }

    /** Records the archive into dir; empty when the training run failed. */
    static Optional<Path> record(KernelSpec spec, Path dir) throws InterruptedException {
        Path archive = dir.resolve(FILE);
        List<String> command = new ArrayList<>();
        command.add(spec.java().toString());
        command.addAll(spec.jvmOptions());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", spec.classPath(), KernelMain.class.getName(), KernelMain.TRAIN));
        try {
            Files.deleteIfExists(archive);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
