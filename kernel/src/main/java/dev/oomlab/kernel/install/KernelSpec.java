package dev.oomlab.kernel.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.KernelMain;
import dev.oomlab.kernel.protocol.Json;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kernel.json of this installation: the same java that runs the installer, the class path
 * kernel/target/oomlab.jar + kernel/target/lib/* as absolute paths, and JVM flags chosen for a
 * fast start and a small footprint.
 */
public record KernelSpec(String name, Path java, String classPath, List<String> jvmOptions) {

    public static final String DEFAULT_NAME = "oomlab";
    public static final String DISPLAY_NAME = "Java (oomlab)";

    /**
     * Measured on 2 cores (bench/kernel-bench.py): C1 only gets JShell's compiler fast in a few
     * cells and keeps the process small (C2 needed hundreds of cells to catch up, for 30% more
     * RSS); serial GC suits one user; a young generation big enough that a cell's javac garbage
     * rarely triggers a collection, and a heap that gives memory back (default sizing: 270 MiB
     * RSS, with these: about 180); no perf-data file; headless so XChart draws PNGs anywhere.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-Xms48m",
            "-Xmn32m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Djava.awt.headless=true",
            // inspect: lets DocSources hand JShell the DSL's sources jar for its javadoc
            "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED",
            "-Dfile.encoding=UTF-8");

    /** -Doomlab.kernel.javaHome=JDK runs the kernel on another JDK than the installer's (tests use it for JDK 25). */
    public static final String JAVA_HOME_PROPERTY = "oomlab.kernel.javaHome";

    public static KernelSpec ofThisInstallation(String name) {
        return new KernelSpec(name, kernelJava(), installedClassPath(), JVM_OPTIONS);
    }

    /** What is wrong with the JDK named by {@link #JAVA_HOME_PROPERTY}, if one is named and lacks bin/java. */
    public static Optional<String> kernelJavaProblem() {
        try {
            kernelJava();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The java the kernel runs on: the JDK named by {@link #JAVA_HOME_PROPERTY}, else the installer's own. */
    public static Path kernelJava() {
        String home = System.getProperty(JAVA_HOME_PROPERTY, "");
        if (home.isBlank()) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path java = Path.of(home, "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException(JAVA_HOME_PROPERTY + ": no bin/java in \"" + home + "\"");
        }
        return java;
    }

    /** jar + its lib/* when running from the built jar; the current class path (made absolute) otherwise. */
    static String installedClassPath() {
        Path code = codeLocation();
        if (code != null && Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
            Path lib = code.getParent().resolve("lib");
            return code + File.pathSeparator + lib + File.separator + "*";
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path codeLocation() {
        try {
            return Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return null;
        }
    }

    /** The same spec with one more JVM option. */
    public KernelSpec withJvmOption(String option) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(option);
        return new KernelSpec(name, java, classPath, List.copyOf(options));
    }

    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.addAll(Arrays.asList("-cp", classPath, KernelMain.class.getName(), "{connection_file}"));
        return argv;
    }

    public ObjectNode json() {
        ObjectNode json = Json.object();
        ArrayNode argv = json.putArray("argv");
        argv().forEach(argv::add);
        json.put("display_name", DISPLAY_NAME);
        json.put("language", "java");
        // message mode: interrupts arrive as interrupt_request, not SIGINT (which would end the JVM)
        json.put("interrupt_mode", "message");
        json.putObject("env");
        json.putObject("metadata").put("debugger", false);
        return json;
    }
}
