package dev.oomlab.kernel.io;

import dev.oomlab.kernel.protocol.Message;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Json;

/**
 * The header of the request whose cell is running: output and displays are attributed to it.
 * It keeps the last cell after the cell ends, so late output of a user's thread lands there too.
 */
public final class CurrentRequest {

    private volatile ObjectNode header = Json.object();
    /** The execute_request while its cell runs, else null: only then may a cell read stdin. */
    private volatile Message execute;

    /** A cell starts running for this execute_request. */
    public void startExecute(Message request) {
        header = request.header();
        execute = request;
    }

    public void endExecute() {
        execute = null;
    }

    public Message execute() {
        return execute;
    }

    public void set(ObjectNode requestHeader) {
        header = requestHeader;
    }

    public ObjectNode header() {
        return header;
    }
}
