package dev.oomlab.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracesTest {

    private static StackTraceElement frame(String type, String method, String file, int line) {
        return new StackTraceElement(type, method, file, line);
    }

    @Test
    void framesBelowTheLastSnippetFrameAreCut() {
        StackTraceElement[] frames = {
            frame("dev.oomlab.spec.Size", "parse", "Size.java", 10),
            frame("", "f", "#3", 1),
            frame("", "", "#4", 1),
            frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            frame("dev.oomlab.kernel.jshell.KernelExecutionControl", "lambda$invoke$0", "K.java", 40),
        };
        assertThat(Traces.userFrames(frames)).isEqualTo(3);
        assertThat(Traces.describe(frames[1])).isEqualTo("f(#3:1)");
        assertThat(Traces.describe(frames[0])).isEqualTo("dev.oomlab.spec.Size.parse(Size.java:10)");
    }

    @Test
    void withoutSnippetFramesTheKernelsFramesAreCut() {
        StackTraceElement[] frames = {
            frame("java.util.Objects", "requireNonNull", "Objects.java", 1),
            frame("java.lang.reflect.Method", "invoke", "Method.java", 1),
            frame("dev.oomlab.kernel.X", "run", "X.java", 1),
        };
        assertThat(Traces.userFrames(frames)).isEqualTo(1);
    }
}
