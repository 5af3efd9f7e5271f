package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Message;

/** shutdown: echoes restart; the kernel exits once the reply is out (the client restarts us). */
public final class ShutdownHandler implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        ObjectNode content = Replies.ok();
        content.put("restart", request.content().path("restart").asBoolean(false));
        return content;
    }
}
