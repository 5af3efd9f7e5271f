package dev.oomlab.cli;

import dev.oomlab.Startup;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs a .jsh script with the DSL imported, in this JVM, and stops at the first exception or
 * compile error with its message on stderr: a script is a test of a claim, so it fails loudly.
 */
public record ScriptRunner(PrintStream out, PrintStream err) {

    /** Returns the exit status: 0 when every snippet ran, 1 at the first failure. */
    public int run(String name, String source) {
        // Snippets run in this JVM (local execution), so their System.out is ours: point it at `out`.
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(out);
        System.setErr(err);
        try {
            return runSnippets(name, source);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private int runSnippets(String name, String source) {
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(err).build()) {
            for (String line : Startup.snippets()) {
                shell.eval(line);
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = source;
            int line = 1;
            while (!remaining.isBlank()) {
                String trimmed = remaining.stripLeading();
                line += countLines(remaining.substring(0, remaining.length() - trimmed.length()));
                if (isCommand(trimmed)) { // jshell commands: /exit ends, others are not for scripts
                    String command = trimmed.lines().findFirst().orElse("").strip();
                    if (command.startsWith("/exit")) {
                        return 0;
                    }
                    err.printf("%s:%d: jshell command %s is not supported in scripts%n", name, line, command);
                    return 1;
                }
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(trimmed);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;
                }
                String snippet = info.completeness().isComplete() ? info.source() : trimmed;
                if (!eval(shell, name, line, snippet)) {
                    return 1;
                }
                line += countLines(trimmed.substring(0, trimmed.length() - info.remaining().length()));
                remaining = info.completeness().isComplete() ? info.remaining() : "";
            }
            return 0;
        }
    }

    private boolean eval(JShell shell, String name, int line, String snippet) {
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.exception() != null) {
                err.printf("%s:%d: %s%n", name, line, describe(event.exception()));
                return false;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> diags = shell.diagnostics(event.snippet()).collect(Collectors.toList());
                String message = diags.isEmpty() ? "the snippet does not compile"
                        : diags.stream().map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                err.printf("%s:%d: %s%n    %s%n", name, line, message, snippet.strip().lines().findFirst().orElse(""));
                return false;
            }
        }
        return true;
    }

    static String describe(Exception e) {
        if (e instanceof EvalException ee) {
            String type = ee.getExceptionClassName();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return simple + (ee.getMessage() == null ? "" : ": " + ee.getMessage());
        }
        if (e instanceof UnresolvedReferenceException ure) {
            return "unresolved reference in " + ure.getSnippet().source().strip();
        }
        return e.toString();
    }

    private static boolean isCommand(String text) {
        return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/*");
    }

    private static int countLines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
