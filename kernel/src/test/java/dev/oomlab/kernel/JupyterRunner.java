package dev.oomlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.oomlab.kernel.install.InstallTarget;
import dev.oomlab.kernel.install.KernelSpec;
import dev.oomlab.kernel.install.KernelSpecInstaller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python test module of kernel/src/test/python against the built kernel: installs the
 * kernelspec into a temporary prefix (pointing at target/oomlab.jar + target/lib) and runs
 * Debian's python3 with JUPYTER_PATH set to it.
 */
final class JupyterRunner {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path TESTS = Path.of("src/test/python").toAbsolutePath();
    static final Path JAR = Path.of("target/oomlab.jar").toAbsolutePath();

    private JupyterRunner() {
    }

    /** Skips the test outside CI when a tool is missing; fails it in CI (CI=true). */
    static void require(String what, boolean present) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " is missing, and CI=true: install it (see kernel/src/test/python)");
        }
        Assumptions.abort(what + " is missing");
    }

    static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean pythonHas(String... modules) {
        return Files.isExecutable(PYTHON)
                && succeeds(List.of(PYTHON.toString(), "-c", "import " + String.join(", ", modules)));
    }

    /** Installs the kernelspec under a fresh prefix and runs one test module; asserts it passed. */
    static void runModule(String module, Path prefix, long timeoutSeconds) throws Exception {
        KernelSpec.kernelJavaProblem().ifPresent(problem -> require("the kernel's JDK (" + problem + ")", false));
        assertThat(JAR).as("the kernel jar (run `mvn package` first)").exists();
        String classPath = JAR + java.io.File.pathSeparator + JAR.getParent().resolve("lib") + "/*";
        KernelSpec spec = new KernelSpec(KernelSpec.DEFAULT_NAME, KernelSpec.kernelJava(),
                classPath, KernelSpec.ofThisInstallation(KernelSpec.DEFAULT_NAME).jvmOptions());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new KernelSpecInstaller(new PrintStream(log, true, StandardCharsets.UTF_8))
                .install(spec, new InstallTarget.Prefix(prefix));

        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "-v", module)
                .directory(TESTS.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        builder.environment().put("OOMLAB_KERNEL_JAVA", KernelSpec.kernelJava().toString());
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        pump.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        pump.join(5000);
        String text = output.toString(StandardCharsets.UTF_8);
        System.out.println("---- python -m unittest " + module + " (kernel on " + KernelSpec.kernelJava() + ") ----\n" + text);
        assertThat(finished).as("python tests finished within " + timeoutSeconds + " s").isTrue();
        assertThat(process.exitValue()).as("python -m unittest " + module + " exit code\n" + text).isZero();
    }
}
