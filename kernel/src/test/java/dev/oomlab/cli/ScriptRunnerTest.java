package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String script) {
        return new ScriptRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("t.jsh", script);
    }

    @Test
    void runsEverySnippetWithTheDslImported() {
        int status = run("""
                // a comment first
                var s = scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300);
                System.out.println(s.stepsText());
                System.out.println(OOM);
                /exit
                System.out.println("not reached");
                """);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("shm 800, then ram 1300\nOOM\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void stopsAtTheFirstExceptionWithItsMessageOnStderr() {
        int status = run("""
                System.out.println("one");
                scenario().memory("2x");
                System.out.println("two");
                """);
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("t.jsh:2: IllegalArgumentException: memory: invalid size \"2x\" (expected a number with b, k, m or g)\n");
    }

    @Test
    void aCompileErrorStopsTheScriptToo() {
        int status = run("int x = 1;\nint 1y = 3;\nSystem.out.println(x);\n");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("t.jsh:2: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void multiLineSnippetsAreOneSnippet() {
        int status = run("""
                int twice(int x) {
                    return 2 * x;
                }
                System.out.println(twice(21));
                """);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("42\n");
    }
}
