package dev.oomlab.kernel.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Json;

/**
 * The header of the request whose cell is running: output and displays are attributed to it.
 * It keeps the last cell after the cell ends, so late output of a user's thread lands there too.
 */
public final class CurrentRequest {

    private volatile ObjectNode header = Json.object();

    public void set(ObjectNode requestHeader) {
        header = requestHeader;
    }

    public ObjectNode header() {
        return header;
    }
}
