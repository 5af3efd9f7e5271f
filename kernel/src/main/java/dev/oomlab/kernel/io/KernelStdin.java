package dev.oomlab.kernel.io;

import dev.oomlab.kernel.channel.StdinChannel;
import dev.oomlab.kernel.protocol.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * System.in for cells: when a cell reads and nothing is buffered, the front end is asked for a
 * line (input_request). Where the front end allows no input (allow_stdin false, as under
 * nbconvert) or no cell runs, a read fails at once with a message that says so, instead of hanging.
 */
public final class KernelStdin extends InputStream {

    private final StdinChannel channel;
    private final CurrentRequest current;
    private final OutputCapture output;
    private byte[] line = new byte[0];
    private int next;

    public KernelStdin(StdinChannel channel, CurrentRequest current, OutputCapture output) {
        this.channel = channel;
        this.current = current;
        this.output = output;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[next++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - next);
        System.arraycopy(line, next, buffer, offset, count);
        next += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return line.length - next;
    }

    /** True when bytes are buffered, asking the front end for a line if none are. */
    private boolean fill() throws IOException {
        if (next < line.length) {
            return true;
        }
        Message execute = current.execute();
        if (execute == null) {
            throw new IllegalStateException("stdin is only available while a cell runs");
        }
        if (!execute.content().path("allow_stdin").asBoolean(false)) {
            throw new IllegalStateException(
                    "stdin is not available: the front end does not allow input (allow_stdin is false, as under nbconvert)");
        }
        output.drain(); // a prompt the cell printed shows before the input box
        line = (channel.ask(execute, "", false) + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }
}
