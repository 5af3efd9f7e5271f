package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Message;

/** interrupt (message mode): stops the running cell and its containers, then replies. */
public record InterruptHandler(Runnable interrupter) implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        interrupter.run();
        return Replies.ok();
    }
}
