package dev.oomlab.kernel.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.display.DisplaySink;
import dev.oomlab.display.MimeBundle;
import dev.oomlab.kernel.channel.IoPub;
import dev.oomlab.kernel.protocol.Json;
import java.util.Map;
import java.util.UUID;

/**
 * Display's sink inside the kernel: display() becomes display_data, updateDisplay() becomes
 * update_display_data, both with transient.display_id and attributed to the running cell.
 */
public final class KernelDisplaySink implements DisplaySink {

    private final IoPub ioPub;
    private final CurrentRequest current;
    private final OutputCapture output;
    private volatile String lastId;

    public KernelDisplaySink(IoPub ioPub, CurrentRequest current, OutputCapture output) {
        this.ioPub = ioPub;
        this.current = current;
        this.output = output;
    }

    @Override
    public String display(MimeBundle bundle) {
        String id = UUID.randomUUID().toString();
        send("display_data", id, bundle);
        lastId = id;
        return id;
    }

    /**
     * True for the id the last display() returned: a cell ending in display(...) has already
     * shown its output, and should not show the returned id as its result too.
     */
    public boolean isLastDisplayId(Object value) {
        return value instanceof String text && text.equals(lastId);
    }

    @Override
    public void update(String displayId, MimeBundle bundle) {
        send("update_display_data", displayId, bundle);
    }

    private void send(String type, String displayId, MimeBundle bundle) {
        output.drain(); // keep printed text before the display, in the order the cell produced them
        ObjectNode content = Json.object();
        content.set("data", data(bundle));
        content.set("metadata", Json.object());
        content.putObject("transient").put("display_id", displayId);
        ioPub.publish(type, current.header(), content);
    }

    /** A bundle as the "data" of a display message (MIME type to text, PNG already base64). */
    public static ObjectNode data(MimeBundle bundle) {
        ObjectNode data = Json.object();
        for (Map.Entry<String, String> entry : bundle.data().entrySet()) {
            data.put(entry.getKey(), entry.getValue());
        }
        return data;
    }
}
