package dev.oomlab.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TracesTest {

    private static final StackTraceElement LIBRARY = frame("dev.oomlab.spec.Size", "parse", "Size.java", 10);
    private static final StackTraceElement SNIPPET = frame("", "f", "#3", 1);

    private static StackTraceElement frame(String type, String method, String file, int line) {
        return new StackTraceElement(type, method, file, line);
    }

    /** Each row: why, a stack (innermost first), how many of its frames are the user's. */
    static Stream<Arguments> stacks() {
        return Stream.of(
                arguments("frames below the last snippet frame are cut", new StackTraceElement[] {
                    LIBRARY,
                    SNIPPET,
                    frame("", "", "#4", 1),
                    frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
                    frame("dev.oomlab.kernel.jshell.KernelExecutionControl", "lambda$invoke$0", "K.java", 40),
                }, 3),
                arguments("without snippet frames the kernel's frames are cut", new StackTraceElement[] {
                    frame("java.util.Objects", "requireNonNull", "Objects.java", 1),
                    frame("java.lang.reflect.Method", "invoke", "Method.java", 1),
                    frame("dev.oomlab.kernel.X", "run", "X.java", 1),
                }, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void cutsTheStackToTheUsersFrames(String why, StackTraceElement[] frames, int userFrames) {
        assertThat(Traces.userFrames(frames)).isEqualTo(userFrames);
    }

    @Test
    void aSnippetFrameIsNamedByItsSnippetAndAnyOtherAsJavaNamesIt() {
        assertThat(Traces.describe(SNIPPET)).isEqualTo("f(#3:1)");
        assertThat(Traces.describe(LIBRARY)).isEqualTo("dev.oomlab.spec.Size.parse(Size.java:10)");
    }
}
