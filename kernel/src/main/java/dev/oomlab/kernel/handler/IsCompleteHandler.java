package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.jshell.JavaRepl;
import dev.oomlab.kernel.magic.Magics;
import dev.oomlab.kernel.protocol.Json;
import dev.oomlab.kernel.protocol.Message;
import java.util.function.Supplier;

/** is_complete: whether Enter should run the code or open a new line. */
public record IsCompleteHandler(Supplier<JavaRepl> repl) implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        String code = request.content().path("code").asText("");
        // a magic line runs as it is; a %% cell goes on until the front end sends it
        String status = Magics.isMagicLine(code) ? (code.stripLeading().startsWith("%%") && !code.endsWith("\n") ? "incomplete" : "complete")
                : repl.get().isComplete(code);
        ObjectNode content = Json.object();
        content.put("status", status);
        if ("incomplete".equals(status)) {
            content.put("indent", "    ");
        }
        return content;
    }
}
