package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Message;

/** Answers one kind of request with the content of its reply. */
public interface Handler {

    ObjectNode handle(Message request);
}
