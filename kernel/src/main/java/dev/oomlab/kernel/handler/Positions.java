package dev.oomlab.kernel.handler;

/** Jupyter counts cursor positions in Unicode code points (protocol 5.2), Java in UTF-16 chars. */
final class Positions {

    private Positions() {
    }

    static int toChars(String code, int codePoints) {
        int total = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, total)));
    }

    static int toCodePoints(String code, int chars) {
        return code.codePointCount(0, Math.max(0, Math.min(chars, code.length())));
    }

    /** The request's cursor_pos in chars; a missing cursor means the end of the code. */
    static int cursor(String code, com.fasterxml.jackson.databind.JsonNode content) {
        return content.has("cursor_pos") && !content.get("cursor_pos").isNull()
                ? toChars(code, content.get("cursor_pos").asInt()) : code.length();
    }
}
