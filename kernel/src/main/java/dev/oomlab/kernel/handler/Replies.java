package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.jshell.ErrorReport;
import dev.oomlab.kernel.protocol.Json;

/** Reply content shapes shared by handlers. */
final class Replies {

    private Replies() {
    }

    static ObjectNode ok() {
        ObjectNode content = Json.object();
        content.put("status", "ok");
        return content;
    }

    /** The ename / evalue / traceback triple of error replies and error messages. */
    static ObjectNode error(ErrorReport error) {
        ObjectNode content = Json.object();
        content.put("ename", error.name());
        content.put("evalue", error.value());
        var traceback = content.putArray("traceback");
        error.traceback().forEach(traceback::add);
        return content;
    }
}
