package dev.oomlab.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;

/** The engine's own words from an error answer: its JSON "message", else the whole text. */
final class EngineAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineAnswer() {
    }

    static String message(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        int brace = text.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode n = JSON.readTree(text.substring(brace));
                if (n.hasNonNull("message")) {
                    return n.get("message").asText() + " (HTTP " + e.getHttpStatus() + ")";
                }
            } catch (Exception notJson) {
                // fall through to the whole text
            }
        }
        return text;
    }
}
