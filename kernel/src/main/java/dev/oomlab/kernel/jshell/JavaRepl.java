package dev.oomlab.kernel.jshell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Java on JShell for the kernel: evaluates cells, completes, documents, and judges completeness.
 * Not thread-safe except {@link #interrupt}: the shell loop is its only caller.
 */
public final class JavaRepl implements AutoCloseable {

    /**
     * How many expression results ($1, $2, ...) stay defined. JShell re-checks every live snippet
     * on each eval, so keeping them all makes each cell slower and the heap grow without end.
     */
    static final int KEPT_RESULTS = 16;

    private final JShell shell;
    private final KernelExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final Deque<VarSnippet> results = new ArrayDeque<>();
    private final List<String> startupWarnings = new ArrayList<>();
    private final Rerun rerun = new Rerun();

    private JavaRepl(JShell shell, KernelExecutionControl control) {
        this.shell = shell;
        this.control = control;
        this.analysis = shell.sourceCodeAnalysis();
    }

    /** A session with the class path of this JVM (so the DSL compiles) and the start-up imports run. */
    public static JavaRepl start() {
        Optional<String> noDocs = DocSources.install();
        KernelExecutionControl control = new KernelExecutionControl();
        JShell shell = buildWithCompileClassPath(control);
        JavaRepl repl = new JavaRepl(shell, control);
        noDocs.ifPresent(dev.oomlab.kernel.Log::warn);
        repl.runStartup();
        return repl;
    }

    /**
     * A --class-path compiler option would hide every jar added later (%maven, %classpath): JShell
     * passes its options to each compile, over the class path it grows. So JShell starts from the
     * filtered class path instead: it reads java.class.path once, when built, and sets it on its
     * compiler at the first addToClasspath.
     */
    private static JShell buildWithCompileClassPath(KernelExecutionControl control) {
        String full = System.getProperty("java.class.path");
        String compile = CompileClassPath.of(full);
        JShell shell;
        synchronized (System.getProperties()) {
            System.setProperty("java.class.path", compile);
            try {
                shell = JShell.builder()
                        .executionEngine(new KernelExecutionProvider(control), java.util.Map.of())
                        .fileManager(KeptIndexFileManager::new)
                        .build();
            } finally {
                System.setProperty("java.class.path", full);
            }
        }
        String first = compile.split(java.io.File.pathSeparator)[0];
        shell.addToClasspath(first); // already there: this only fixes javac's class path to the filtered one
        return shell;
    }

    private void runStartup() {
        for (String snippet : dev.oomlab.Startup.snippets()) {
            for (SnippetEvent event : shell.eval(snippet)) {
                if (event.status() == Snippet.Status.REJECTED) {
                    String why = shell.diagnostics(event.snippet()).findFirst()
                            .map(d -> d.getMessage(java.util.Locale.ROOT)).orElse("rejected");
                    startupWarnings.add("start-up: " + snippet + " failed: " + why.lines().findFirst().orElse(why));
                }
            }
        }
        warmUp();
    }

    /** Compiles and runs one throwaway snippet so javac's first-use cost is not the user's first cell. */
    private void warmUp() {
        analysis.analyzeType("1+1", 3);
        for (SnippetEvent event : shell.eval("if (false) {}")) {
            shell.drop(event.snippet());
        }
    }

    /** Problems met while running the start-up script, to show the user once. */
    public List<String> startupWarnings() {
        return List.copyOf(startupWarnings);
    }

    /** Runs every snippet of a cell in order; stops at the first that fails. */
    public CellOutcome eval(String code) {
        startCell();
        return evalInCell(code);
    }

    /** Forgets the previous cell's values and any interrupt meant for it. */
    public void startCell() {
        control.startCell();
    }

    /** Runs more Java of the current cell (the parts between its magics). */
    public CellOutcome evalInCell(String code) {
        CellOutcome outcome = new CellOutcome.Done();
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            switch (info.completeness()) {
                case EMPTY -> {
                    return outcome;
                }
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    source = info.source();
                    remaining = info.remaining();
                }
                default -> { // incomplete or unknown: let the compiler say what is wrong
                    source = remaining;
                    remaining = "";
                }
            }
            outcome = evalSnippet(source);
            if (outcome instanceof CellOutcome.Failed) {
                return outcome;
            }
        }
        return outcome;
    }

    private CellOutcome evalSnippet(String source) {
        Optional<Rerun.Entry> again = rerun.find(source, shell);
        if (again.isPresent()) {
            return runAgain(again.get());
        }
        control.forgetLastInvoked();
        List<SnippetEvent> events = shell.eval(source);
        if (control.wasStopped()) {
            rerun.forgetAll();
            return new CellOutcome.Failed(ErrorReport.interrupted());
        }
        rememberOrForget(source, events);
        CellOutcome outcome = new CellOutcome.Done();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet re-evaluated because of this one
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                return new CellOutcome.Failed(Diagnostics.of(snippet, shell.diagnostics(snippet).toList()));
            }
            if (event.exception() instanceof UnresolvedReferenceException unresolved) {
                return new CellOutcome.Failed(unresolved(unresolved));
            }
            if (event.exception() != null) {
                return new CellOutcome.Failed(Traces.of(event.exception()));
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                System.err.println("note: " + snippet.source().strip().lines().findFirst().orElse("")
                        + " can be used once " + String.join(", ", unresolvedOf(snippet)) + " is declared");
            }
            if (shows(snippet)) {
                Optional<KernelExecutionControl.Held> held = control.value(event.value());
                if (held.isPresent()) {
                    outcome = new CellOutcome.Value(held.get().value());
                }
            }
            if (snippet instanceof VarSnippet var
                    && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                keep(var);
            }
        }
        return outcome;
    }

    /** A lone expression that ran well can run again (see {@link Rerun}); anything else may change what names mean. */
    private void rememberOrForget(String source, List<SnippetEvent> events) {
        Optional<String[]> invoked = control.lastInvoked();
        if (events.size() == 1 && events.get(0).snippet() instanceof VarSnippet var
                && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && events.get(0).status() == Snippet.Status.VALID && events.get(0).exception() == null
                && invoked.isPresent()) {
            rerun.remember(source, var, invoked.get()[0], invoked.get()[1]);
        } else {
            rerun.forgetAll();
        }
    }

    private CellOutcome runAgain(Rerun.Entry entry) {
        try {
            String key = control.invokeAgain(entry.className(), entry.method());
            return control.value(key).<CellOutcome>map(held -> new CellOutcome.Value(held.value()))
                    .orElseGet(CellOutcome.Done::new);
        } catch (jdk.jshell.spi.ExecutionControl.StoppedException e) {
            return new CellOutcome.Failed(ErrorReport.interrupted());
        } catch (java.lang.reflect.InvocationTargetException e) {
            return new CellOutcome.Failed(Traces.of(e.getCause() == null ? e : e.getCause()));
        } catch (Exception e) {
            rerun.forgetAll();
            return new CellOutcome.Failed(Traces.of(e));
        }
    }

    /** Expressions show their value (as jshell does); declarations and statements do not. */
    private static boolean shows(Snippet snippet) {
        return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
    }

    private void keep(VarSnippet result) {
        results.addLast(result);
        while (results.size() > KEPT_RESULTS) {
            shell.drop(results.removeFirst());
        }
    }

    private ErrorReport unresolved(UnresolvedReferenceException e) {
        String what = e.getSnippet().source().strip().lines().findFirst().orElse("");
        String message = what + " cannot be used until " + String.join(", ", unresolvedOf(e.getSnippet()))
                + " is declared";
        return new ErrorReport("UnresolvedReferenceException", message,
                List.of(ErrorReport.RED + "UnresolvedReferenceException: " + message + ErrorReport.RESET));
    }

    private List<String> unresolvedOf(Snippet snippet) {
        return snippet instanceof jdk.jshell.DeclarationSnippet declaration
                ? shell.unresolvedDependencies(declaration).toList() : List.of();
    }

    /** Adds a jar or a directory to the class path, for compiling and running the next snippets. */
    public void addToClasspath(java.nio.file.Path path) {
        rerun.forgetAll();
        shell.addToClasspath(path.toAbsolutePath().toString());
    }

    /** Completions at a cursor (char index). */
    public Completion complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        Set<String> matches = new LinkedHashSet<>();
        // Suggestions that fit the expected type come first, as jshell lists them.
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(List.copyOf(matches), anchor[0], cursor);
    }

    /**
     * Signatures (and javadoc where the JDK ships its sources) of what is under the cursor. JShell
     * documents a call only inside its parentheses, so a cursor on or at the end of a name is
     * retried as if the name were followed by "(".
     */
    public Optional<String> inspect(String code, int cursor, boolean detail) {
        List<Documentation> docs = analysis.documentation(code, cursor, detail);
        if (docs.isEmpty()) {
            int end = cursor;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            if (end > 0 && Character.isJavaIdentifierPart(code.charAt(end - 1))) {
                String called = code.substring(0, end) + "(" + code.substring(end);
                docs = analysis.documentation(called, end + 1, detail);
            }
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (Documentation doc : docs) {
            text.append(doc.signature()).append('\n');
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append(JavadocText.plain(doc.javadoc())).append("\n\n");
            }
        }
        return Optional.of(text.toString().stripTrailing());
    }

    /** "complete", "incomplete" or "invalid", for the front end's Enter key. */
    public String isComplete(String code) {
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY -> {
                    return "complete";
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "incomplete";
                }
                case UNKNOWN -> {
                    return "invalid";
                }
                default -> {
                    if (analysis.sourceToSnippets(info.source()).stream()
                            .anyMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS)) {
                        return "invalid";
                    }
                    remaining = info.remaining();
                    if (remaining.isBlank()) {
                        return "complete";
                    }
                }
            }
        }
    }

    /** The user interrupted the cell: however it ends now, it ends as interrupted. Safe from another thread. */
    public void noteInterrupt() {
        control.noteInterrupt();
    }

    /** Ends the running cell; safe to call from another thread. */
    public void interrupt(long graceMillis) throws InterruptedException {
        control.interrupt(graceMillis);
    }

    public boolean running() {
        return control.running();
    }

    /** A value as JShell prints it, for text/plain. */
    public static String text(Object value) {
        return KernelExecutionControl.text(value);
    }

    @Override
    public void close() {
        shell.close();
    }
}
