package dev.oomlab.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every value read here must be the one JShell itself computes for the same snippet. */
class ConstantExpressionTest {

    private static JShell jshell;

    @BeforeAll
    static void start() {
        jshell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    @Test
    void literalArithmeticGivesWhatJShellGives() {
        List<String> sources = List.of("1+1", "2+3;", "1000 + 1", " 7 ", "-1", "+1", "- -1", "~0", "!true",
                "2147483647 + 1", "-2147483647 - 2", "9223372036854775807L + 1", "3000000000L", "1l",
                "7 / 2", "-7 / 2", "-7 % 3", "7 % -3", "7.0 / 2", "1 / 3f", "1e3", "1.5e-3", ".5", "1.", "1d", "2F",
                "0.1 + 0.2", "0.1f + 0.2f", "1e308 * 10", "-1.0 / 0", "0.0 / 0", "0.0 / 0 == 0.0 / 0", "5.5 % 2",
                "1 << 33", "1L << 33", "1 << 33L", "-8 >> 1", "-8 >>> 1", "-8L >>> 1", "'a' << 1",
                "1 < 2", "2.0 >= 2", "16777217L == 16777216f", "16777217L < 16777217.0", "'a' == 97", "true == false",
                "1 == 1 == true", "5 & 3", "5 | 3", "5 ^ 3", "5L & 3", "true & false", "true ^ true", "false | true",
                "true && false || true", "!(1 > 2)", "(1 + 2) * 3", "1 + 2 * 3", "10 - 2 - 3", "2 * (3 + 4) % 5",
                "\"ab\"", "\"\"", "\"a\" + 1", "1 + 2 + \"a\"", "\"a\" + 1 + 2", "\"a\" + 'b'", "'a' + 'b'", "'a'",
                "'a' + 1", "-'a'", "+'a'", "\"x\" + 1.0", "\"x\" + 1e10", "\"x\" + 1.5f", "\"x\" + true",
                "\"x\" + (1 == 1)", "(".repeat(60) + "1" + ")".repeat(60), "- ".repeat(60) + "1",
                "\"tab\tin\"", "'\t'", "1 + 1 ;", "(((4)))", "0", "0L", "0f", "0e5", "0.5", "100000 + 0", "1.0e-45f",
                "3.4028235e38f");
        for (String source : sources) {
            String expected = jshellValue(source);
            assertThat(ConstantExpression.value(source)).as(source).isPresent();
            Object value = ConstantExpression.value(source).get();
            assertThat(JavaRepl.text(value)).as(source).isEqualTo(expected);
            assertThat(value.getClass().getSimpleName().toLowerCase()).as(source + " has the type JShell gives")
                    .startsWith(boxOf(jshellType(source)));
        }
    }

    @Test
    void anythingElseIsLeftToJShell() {
        List<String> sources = List.of("x", "x + 1", "1 + x", "Math.max(1, 2)", "(int) 1.5", "1 > 0 ? 1 : 2",
                "1 / 0", "1 % 0", "1L / 0", "2147483648", "-2147483648", "9223372036854775808L", "0x10", "010",
                "0b1", "1_000", "1e400", "1e-400", "1e39f", "1e-50f", "\"a\\n\"", "'\\n'", "'\\'",
                "\"é\"", "\"a\rb\"", "'\n'", "\"\\u0041\"",
                "1 \\u002B 1", "1 + 1 // one", "1 /* c */ + 1", "1 < 2 < 3", "1 + true", "\"a\" - 1", "\"a\" == \"a\"",
                "!1", "~1.0", "1.0 << 1", "1 << 1.0", "true + 1", "1 ++ 2",
                "1 -- 2", "1 = 2", "x = 1", "int a = 1;", "1; 2", "(1", "1)", "()", "\"\"\"\nabc\"\"\"", "\"a\" \"b\"",
                "'ab'", "''", "1 2", "é", "1.0.0", "1..2", "1e", "1f2", "new int[0]", "1 + 1;;", "", " ", "1 >>>= 2",
                "(".repeat(400) + "1" + ")".repeat(400), "-".repeat(999) + "1");
        for (String source : sources) {
            assertThat(ConstantExpression.value(source)).as(source).isEmpty();
        }
    }

    private static String jshellValue(String source) {
        SnippetEvent event = only(source);
        assertThat(event.exception()).as(source).isNull();
        return event.value();
    }

    private static String jshellType(String source) {
        return ((jdk.jshell.VarSnippet) only(source).snippet()).typeName();
    }

    private static SnippetEvent only(String source) {
        String snippet = jshell.sourceCodeAnalysis().analyzeCompletion(source).source();
        List<SnippetEvent> events = jshell.eval(snippet);
        assertThat(events).as(source).hasSize(1);
        assertThat(events.get(0).status()).as(source).isEqualTo(Snippet.Status.VALID);
        return events.get(0);
    }

    private static String boxOf(String type) {
        return switch (type) {
            case "int" -> "integer";
            case "char" -> "character";
            default -> type.toLowerCase();
        };
    }
}
