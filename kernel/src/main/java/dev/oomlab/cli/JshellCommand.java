package dev.oomlab.cli;

import dev.oomlab.Startup;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code oomlab jshell [script.jsh]}: jshell with the DSL on the class path and imported. */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = {"Opens jshell with the DSL imported, or runs a script.",
                "A script stops at the first exception: its message on stderr, exit status 1."})
public final class JshellCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SCRIPT", description = "a .jsh script to run")
    Path script;

    @Override
    public Integer call() throws Exception {
        if (script != null) {
            if (!Files.isReadable(script)) {
                throw new IllegalArgumentException("script: cannot read \"" + script + "\"");
            }
            String source = Files.readString(script, StandardCharsets.UTF_8);
            return new ScriptRunner(System.out, System.err).run(script.getFileName().toString(), source);
        }
        return interactive();
    }

    /** The real jshell tool, running snippets in this JVM so Ctrl-C stops them and their containers. */
    private static int interactive() throws Exception {
        Path startup = Files.createTempFile("oomlab-startup", ".jsh");
        try {
            Files.writeString(startup, Startup.dslImports());
            JavaShellToolBuilder.builder().start(
                    "--class-path", System.getProperty("java.class.path").replace(':', File.pathSeparatorChar),
                    "--execution", "local",
                    "--startup", "DEFAULT", "--startup", startup.toString());
            return 0;
        } finally {
            Files.deleteIfExists(startup);
        }
    }
}
