package dev.oomlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;

/** Compile errors of a rejected snippet, shown as javac would: message, source line, caret. */
final class Diagnostics {

    private Diagnostics() {
    }

    static ErrorReport of(Snippet snippet, List<Diag> diags) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            if (!diag.isError()) {
                continue;
            }
            // JShell blanks its wrapper class's name, leaving a dangling "location: class".
            String message = diag.getMessage(Locale.ROOT).replaceAll("\\n\\s*location: class\\s*$", "");
            if (first == null) {
                first = message;
            }
            lines.add(ErrorReport.RED + "error: " + message + ErrorReport.RESET);
            lines.addAll(excerpt(snippet.source(), diag));
        }
        if (first == null) {
            first = "the snippet was rejected";
            lines.add(first);
        }
        return new ErrorReport("CompilationException", first, lines);
    }

    private static List<String> excerpt(String source, Diag diag) {
        long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
        if (position < 0 || position > source.length()) {
            return List.of(source.strip());
        }
        int at = (int) position;
        int lineStart = source.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
            lineStart = 0;
        }
        int lineEnd = source.indexOf('\n', at);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        return List.of(line, " ".repeat(Math.max(0, at - lineStart)) + "^");
    }
}
