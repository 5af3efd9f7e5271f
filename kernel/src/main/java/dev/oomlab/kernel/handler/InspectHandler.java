package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.jshell.JavaRepl;
import dev.oomlab.kernel.protocol.Message;
import java.util.Optional;
import java.util.function.Supplier;

/** inspect: signatures (and javadoc at detail level 1) of what is under the cursor. */
public record InspectHandler(Supplier<JavaRepl> repl) implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        String code = request.content().path("code").asText("");
        int cursor = Positions.cursor(code, request.content());
        boolean detail = request.content().path("detail_level").asInt(0) > 0;
        Optional<String> doc = repl.get().inspect(code, cursor, detail);
        ObjectNode content = Replies.ok();
        content.put("found", doc.isPresent());
        ObjectNode data = content.putObject("data");
        doc.ifPresent(text -> data.put("text/plain", text));
        content.putObject("metadata");
        return content;
    }
}
