package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Message;

/** comm_info: this kernel opens no comms, and says so. */
public final class CommInfoHandler implements Handler {

    @Override
    public ObjectNode handle(Message request) {
        ObjectNode content = Replies.ok();
        content.putObject("comms");
        return content;
    }
}
