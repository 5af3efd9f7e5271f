package dev.oomlab.kernel.jshell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A javadoc comment as plain text for inspect's text/plain: inline tags unwrapped, HTML dropped. */
final class JavadocText {

    private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+([^{}]*)}");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private JavadocText() {
    }

    static String plain(String javadoc) {
        Matcher inline = INLINE.matcher(javadoc);
        StringBuilder text = new StringBuilder();
        while (inline.find()) {
            String body = inline.group(2).strip();
            if (inline.group(1).startsWith("link")) {
                int space = body.indexOf(' ');
                body = space > 0 ? body.substring(space + 1) : body.replace('#', '.');
            }
            inline.appendReplacement(text, Matcher.quoteReplacement(body));
        }
        inline.appendTail(text);
        String result = text.toString()
                .replaceAll("(?i)<p>\\s*", "\n\n")
                .replaceAll("(?i)<li>\\s*", "\n - ");
        result = TAG.matcher(result).replaceAll("")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&nbsp;", " ");
        return result.replaceAll("\n{3,}", "\n\n").strip();
    }
}
