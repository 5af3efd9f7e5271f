package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.history.History;
import dev.oomlab.kernel.protocol.Message;
import java.util.List;

/** history: tail, range and search over this session's cells; an empty history answers an empty list. */
public record HistoryHandler(History history) implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        JsonNode ask = request.content();
        List<History.Entry> entries = switch (ask.path("hist_access_type").asText("tail")) {
            case "range" -> history.range(ask.path("session").asInt(0), ask.path("start").asInt(0),
                    ask.hasNonNull("stop") ? ask.get("stop").asInt() : null);
            case "search" -> history.search(ask.path("pattern").asText("*"), ask.path("n").asInt(0),
                    ask.path("unique").asBoolean(false));
            default -> history.tail(ask.path("n").asInt(10));
        };
        boolean output = ask.path("output").asBoolean(false);
        ObjectNode content = Replies.ok();
        ArrayNode rows = content.putArray("history");
        for (History.Entry entry : entries) {
            ArrayNode row = rows.addArray().add(entry.session()).add(entry.line());
            if (output) {
                row.addArray().add(entry.input()).add(entry.output());
            } else {
                row.add(entry.input());
            }
        }
        return content;
    }
}
