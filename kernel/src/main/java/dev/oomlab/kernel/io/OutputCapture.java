package dev.oomlab.kernel.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.channel.IoPub;
import dev.oomlab.kernel.protocol.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends System.out and System.err to the notebook as they are written. User code runs in the
 * kernel's JVM, so redirecting the JVM-wide streams covers snippets and the threads they start.
 */
public final class OutputCapture {

    private final StreamBuffer out;
    private final StreamBuffer err;

    private OutputCapture(StreamBuffer out, StreamBuffer err) {
        this.out = out;
        this.err = err;
    }

    public static OutputCapture install(IoPub ioPub, CurrentRequest current) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "oomlab-output");
            thread.setDaemon(true);
            return thread;
        });
        OutputCapture capture = new OutputCapture(
                new StreamBuffer("stdout", (name, text) -> publish(ioPub, current, name, text), timer),
                new StreamBuffer("stderr", (name, text) -> publish(ioPub, current, name, text), timer));
        System.setOut(new PrintStream(capture.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.err, true, StandardCharsets.UTF_8));
        return capture;
    }

    /** Publishes what is pending, so it is shown before the result, display or error that follows. */
    public void drain() {
        System.out.flush();
        System.err.flush();
        out.drain();
        err.drain();
    }

    private static void publish(IoPub ioPub, CurrentRequest current, String name, String text) {
        ObjectNode content = Json.object();
        content.put("name", name);
        content.put("text", text);
        ioPub.publish("stream", current.header(), content);
    }
}
