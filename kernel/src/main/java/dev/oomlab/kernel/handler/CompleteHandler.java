package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.jshell.Completion;
import dev.oomlab.kernel.jshell.JavaRepl;
import dev.oomlab.kernel.protocol.Message;
import java.util.function.Supplier;

/** complete: JShell's suggestions at the cursor. */
public record CompleteHandler(Supplier<JavaRepl> repl) implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        String code = request.content().path("code").asText("");
        int cursor = Positions.cursor(code, request.content());
        Completion completion = MagicCompletion.at(code, cursor).orElseGet(() -> repl.get().complete(code, cursor));
        ObjectNode content = Replies.ok();
        ArrayNode matches = content.putArray("matches");
        completion.matches().forEach(matches::add);
        content.put("cursor_start", Positions.toCodePoints(code, completion.start()));
        content.put("cursor_end", Positions.toCodePoints(code, completion.end()));
        content.putObject("metadata");
        return content;
    }
}
