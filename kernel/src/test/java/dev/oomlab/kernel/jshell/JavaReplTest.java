package dev.oomlab.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaReplTest {

    private static JavaRepl repl;

    @BeforeAll
    static void start() {
        repl = JavaRepl.start();
    }

    @AfterAll
    static void close() {
        repl.close();
    }

    @Test
    void anExpressionGivesItsValueObject() {
        assertThat(repl.eval("1+1")).isEqualTo(new CellOutcome.Value(2));
        assertThat(repl.eval("int a = 2; a * 21")).isEqualTo(new CellOutcome.Value(42));
        assertThat(repl.eval("int b = 1;")).isInstanceOf(CellOutcome.Done.class);
        assertThat(JavaRepl.text("ab")).isEqualTo("\"ab\"");
    }

    @Test
    void anExpressionRunAgainRunsAgain() {
        repl.eval("int counted = 0; int count() { return ++counted; }");
        assertThat(repl.eval("count() * 10")).isEqualTo(new CellOutcome.Value(10));
        assertThat(repl.eval("count() * 10")).as("run again, not a remembered value").isEqualTo(new CellOutcome.Value(20));
        assertThat(repl.eval("count() * 10")).isEqualTo(new CellOutcome.Value(30));
    }

    @Test
    void anExpressionRunAgainSeesARedefinedMethod() {
        repl.eval("int version() { return 1; }");
        assertThat(repl.eval("version() + 100")).isEqualTo(new CellOutcome.Value(101));
        assertThat(repl.eval("version() + 100")).isEqualTo(new CellOutcome.Value(101));
        repl.eval("int version() { return 2; }");
        assertThat(repl.eval("version() + 100")).isEqualTo(new CellOutcome.Value(102));
        repl.eval("String version() { return \"three\"; }");
        assertThat(repl.eval("version() + 100")).isEqualTo(new CellOutcome.Value("three100"));
    }

    @Test
    void anExpressionRunAgainThatThrowsReportsTheUsersException() {
        repl.eval("int tries = 0; int nextDivisor() { return 1 - tries++; }");
        assertThat(repl.eval("10 / nextDivisor()")).isEqualTo(new CellOutcome.Value(10));
        CellOutcome again = repl.eval("10 / nextDivisor()");
        assertThat(again).isInstanceOf(CellOutcome.Failed.class);
        ErrorReport error = ((CellOutcome.Failed) again).error();
        assertThat(error.name()).isEqualTo("java.lang.ArithmeticException");
        assertThat(String.join("\n", error.traceback())).contains("/ by zero").doesNotContain("dev.oomlab.kernel");
    }

    @Test
    void theDslIsImportedAndSharesTheKernelsClasses() {
        assertThat(repl.startupWarnings()).noneMatch(w -> w.contains("dev.oomlab.display"));
        CellOutcome outcome = repl.eval("Display.class");
        assertThat(outcome).isEqualTo(new CellOutcome.Value(dev.oomlab.display.Display.class));
    }

    @Test
    void errorsCarryTheUsersExceptionAndMessage() {
        CellOutcome outcome = repl.eval("throw new IllegalStateException(\"boom\");");
        assertThat(outcome).isInstanceOf(CellOutcome.Failed.class);
        ErrorReport error = ((CellOutcome.Failed) outcome).error();
        assertThat(error.name()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.value()).isEqualTo("boom");
        assertThat(String.join("\n", error.traceback())).doesNotContain("dev.oomlab.kernel", "reflect");

        ErrorReport compile = ((CellOutcome.Failed) repl.eval("int c = \"x\";")).error();
        assertThat(compile.name()).isEqualTo("CompilationException");
    }

    @Test
    void completenessIsJudged() {
        assertThat(repl.isComplete("1+1")).isEqualTo("complete");
        assertThat(repl.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("incomplete");
        assertThat(repl.isComplete("int 1x = 3;")).isEqualTo("invalid");
    }

    @Test
    void completionAndInspectionWorkAtTheEndOfAWord() {
        assertThat(repl.complete("System.out.printl", 17).matches()).containsExactly("println(");
        assertThat(repl.complete("System.out.printl", 17).start()).isEqualTo(11);
        assertThat(repl.inspect("Math.max", 8, false)).get().asString().contains("int Math.max(int a, int b)");
        assertThat(repl.inspect("Math.max", 6, false)).isPresent();
    }

    @Test
    void inspectShowsTheJavadocOfTheDslFromItsSourcesJar() {
        assertThat(java.nio.file.Path.of("target/oomlab-dsl-sources.jar")).as("built by mvn package").exists();
        String doc = repl.inspect("scenario", 8, true).orElseThrow();
        assertThat(doc).contains("Scenario").doesNotContain("{@code", "<p>");
        assertThat(doc.lines().count()).as("signature and javadoc:\n" + doc).isGreaterThan(1);
    }

    @Test
    void inspectShowsJdkJavadocWhereTheJdkShipsItsSources() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isReadable(java.nio.file.Path.of(System.getProperty("java.home"), "lib", "src.zip")),
                "this JDK has no lib/src.zip");
        assertThat(repl.inspect("Math.max", 8, true)).get().asString().contains("Returns the greater of two");
    }

    @Test
    void anInterruptStopsARunawayLoop() throws Exception {
        assertStops("while (true) { }");
    }

    @Test
    void anInterruptStopsALoopInAnEarlierMethodThatSwallowsExceptions() throws Exception {
        repl.eval("void spin() { while (true) { try { Thread.onSpinWait(); } catch (Exception e) { } } }");
        assertStops("spin();");
    }

    private static void assertStops(String code) throws Exception {
        CompletableFuture<CellOutcome> cell = CompletableFuture.supplyAsync(() -> repl.eval(code));
        while (!repl.running()) {
            Thread.onSpinWait();
        }
        repl.interrupt(100);
        CellOutcome outcome = cell.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(new CellOutcome.Failed(ErrorReport.interrupted()));
        assertThat(repl.eval("1+2")).isEqualTo(new CellOutcome.Value(3));
    }
}
