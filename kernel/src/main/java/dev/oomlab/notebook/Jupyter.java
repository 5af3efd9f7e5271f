package dev.oomlab.notebook;

import dev.oomlab.kernel.install.KernelSpecInstaller;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jupyter command line this machine has, and the environment that makes it see a kernelspec
 * installed under a prefix. Debian's /usr/bin/jupyter comes first: a jupyter found earlier on PATH
 * may belong to a Python without nbconvert.
 *
 * @param command      the jupyter executable
 * @param kernelPrefix where the oomlab kernelspec is installed (its share/jupyter/kernels), or null
 */
public record Jupyter(Path command, Path kernelPrefix) {

    public Jupyter {
        if (command == null || !Files.isExecutable(command)) {
            throw new IllegalArgumentException("command: jupyter \"" + command + "\" is not an executable file");
        }
        kernelPrefix = kernelPrefix == null ? null : kernelPrefix.toAbsolutePath().normalize();
    }

    /** OOMLAB_JUPYTER, else /usr/bin/jupyter, else the first jupyter on PATH; fails naming what to install. */
    public static Jupyter locate(Path kernelPrefix) {
        return new Jupyter(find().orElseThrow(() -> new IllegalStateException(
                "jupyter: not found (set OOMLAB_JUPYTER, or install Debian's jupyter-nbconvert and jupyter-notebook)")),
                kernelPrefix);
    }

    static Optional<Path> find() {
        return KernelSpecInstaller.findJupyter();
    }

    /** The kernelspec directory the kernel prefix must hold, or null without a prefix. */
    public Path kernelSpecDir(String name) {
        return kernelPrefix == null ? null : kernelPrefix.resolve("share/jupyter/kernels").resolve(name);
    }

    /** A process builder for {@code jupyter <args>}, with the prefix's share/jupyter first on JUPYTER_PATH. */
    public ProcessBuilder process(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(command().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (kernelPrefix != null) {
            Map<String, String> env = builder.environment();
            String data = kernelPrefix.resolve("share/jupyter").toString();
            String existing = env.get("JUPYTER_PATH");
            env.put("JUPYTER_PATH", existing == null || existing.isBlank() ? data : data + File.pathSeparator + existing);
        }
        return builder;
    }
}
