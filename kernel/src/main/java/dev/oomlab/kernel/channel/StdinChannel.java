package dev.oomlab.kernel.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Json;
import dev.oomlab.kernel.protocol.Message;
import dev.oomlab.kernel.protocol.Messages;
import dev.oomlab.kernel.protocol.WireCodec;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The stdin channel: asks the front end that sent an execute_request for a line of input and
 * waits for its input_reply. Used from a cell's thread; one question at a time.
 */
public final class StdinChannel {

    /** How often a wait for the reply checks whether the cell was interrupted. */
    private static final int POLL_MILLIS = 100;

    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Messages messages;

    public StdinChannel(ZMQ.Socket socket, WireCodec codec, Messages messages) {
        this.socket = socket;
        this.codec = codec;
        this.messages = messages;
        socket.setReceiveTimeOut(POLL_MILLIS);
    }

    /** The line the user typed (without its newline); an interrupt of the cell ends the wait. */
    public synchronized String ask(Message execute, String prompt, boolean password) throws IOException {
        try {
            while (codec.read(socket, ZMQ.DONTWAIT) != null) {
                // a reply to an earlier, abandoned question
            }
            ObjectNode content = Json.object();
            content.put("prompt", prompt);
            content.put("password", password);
            Message request = messages.requestTo(execute, "input_request", content);
            codec.send(socket, request);
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("the cell was interrupted while waiting for input");
                }
                Message reply = codec.read(socket, 0);
                if (reply != null && "input_reply".equals(reply.type())) {
                    return reply.content().path("value").asText("");
                }
            }
        } catch (ZMQException e) {
            throw new IOException("the stdin channel closed: " + e.getMessage(), e);
        }
    }

    public synchronized void close() {
        socket.close();
    }
}
