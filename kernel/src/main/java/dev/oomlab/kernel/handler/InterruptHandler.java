package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Message;

/** interrupt (message mode): stops the running cell and its containers, then replies. */
public final class InterruptHandler implements Handler {

    private final Runnable interrupter;

    public InterruptHandler(Runnable interrupter) {
        this.interrupter = interrupter;
    }

    @Override
    public ObjectNode handle(Message request) {
        interrupter.run();
        return Replies.ok();
    }
}
