package dev.oomlab.kernel.install;

import dev.oomlab.kernel.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;

/**
 * Installs the kernelspec: writes kernel.json and the logos to a temporary directory and hands it
 * to `jupyter kernelspec install`; without jupyter, writes the kernels directory itself.
 */
public final class KernelSpecInstaller {

    private static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");

    private final PrintStream out;

    public KernelSpecInstaller(PrintStream out) {
        this.out = out;
    }

    /**
     * Installs, then records a class-data-sharing archive into the installed directory and adds it
     * to kernel.json there (it must name the archive's final path, known only after installing).
     */
    public Path install(KernelSpec spec, InstallTarget target) throws IOException, InterruptedException {
        Path installed = installSpec(spec, target);
        Optional<Path> archive = CdsArchive.record(spec, installed);
        if (archive.isPresent()) {
            writeSpec(spec.withJvmOption("-XX:SharedArchiveFile=" + archive.get()), installed);
        } else {
            out.println("(no class-data-sharing archive: the kernel will start a little slower)");
        }
        return installed;
    }

    /** Returns the directory the kernelspec ended up in. */
    private Path installSpec(KernelSpec spec, InstallTarget target) throws IOException, InterruptedException {
        Path staging = Files.createTempDirectory("oomlab-kernelspec");
        try {
            Path source = staging.resolve(spec.name());
            writeSpec(spec, source);
            Optional<Path> jupyter = findJupyter(target);
            if (jupyter.isPresent()) {
                Optional<Path> installed = runJupyter(jupyter.get(), source, spec.name(), target);
                if (installed.isPresent()) {
                    return installed.get();
                }
                out.println("jupyter kernelspec install failed; writing the kernelspec directly");
            }
            Path destination = target.kernelsDir().resolve(spec.name());
            copyDir(source, destination);
            out.println("Installed kernelspec " + spec.name() + " in " + destination);
            return destination;
        } finally {
            deleteDir(staging);
        }
    }

    static void writeSpec(KernelSpec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), Json.pretty(spec.json()), StandardCharsets.UTF_8);
        for (String logo : LOGOS) {
            try (InputStream in = KernelSpecInstaller.class.getResourceAsStream("/dev/oomlab/kernel/" + logo)) {
                if (in == null) {
                    throw new IllegalStateException("the kernel's " + logo + " is missing from its jar");
                }
                Files.copy(in, dir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * OOMLAB_JUPYTER, else Debian's /usr/bin/jupyter, else the first jupyter on PATH: a jupyter on
     * PATH may be a Python without jupyter_client.
     */
    public static Optional<Path> findJupyter() {
        return findJupyter(new InstallTarget.User());
    }

    /**
     * As {@link #findJupyter()}, but --sys-prefix means the active virtual environment's Python
     * (VIRTUAL_ENV), so its jupyter comes first there: Debian's would install into /usr.
     */
    static Optional<Path> findJupyter(InstallTarget target) {
        String venv = System.getenv("VIRTUAL_ENV");
        if (target instanceof InstallTarget.SysPrefix && venv != null && !venv.isBlank()
                && System.getenv("OOMLAB_JUPYTER") == null) {
            Path inVenv = Path.of(venv, "bin", "jupyter");
            if (Files.isExecutable(inVenv)) {
                return Optional.of(inVenv);
            }
        }
        String override = System.getenv("OOMLAB_JUPYTER");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/jupyter"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "jupyter"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private Optional<Path> runJupyter(Path jupyter, Path source, String name, InstallTarget target)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jupyter.toString(), "kernelspec", "install",
                "--replace", "--name", name));
        command.addAll(target.jupyterFlags());
        command.add(source.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            out.print(output);
            return Optional.empty();
        }
        // jupyter prints "[InstallKernelSpec] Installed kernelspec oomlab in /path"
        String marker = " in ";
        String line = output.lines().filter(l -> l.contains("Installed kernelspec")).reduce((a, b) -> b).orElse("");
        out.println(line.isEmpty() ? output.strip() : line.replaceFirst("^\\[[^]]*] ", ""));
        int at = line.lastIndexOf(marker);
        return Optional.of(at < 0 ? source : Path.of(line.substring(at + marker.length()).strip()));
    }

    private static void copyDir(Path from, Path to) throws IOException {
        deleteDir(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteDir(Path dir) throws IOException {
        FileUtils.deleteDirectory(dir.toFile()); // absent is fine: nothing to replace
    }
}
