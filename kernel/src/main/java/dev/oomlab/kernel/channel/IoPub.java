package dev.oomlab.kernel.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.Log;
import dev.oomlab.kernel.protocol.Json;
import dev.oomlab.kernel.protocol.Messages;
import dev.oomlab.kernel.protocol.WireCodec;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The IOPub publisher. Many threads publish (the shell loop, the output flusher, user threads
 * calling display), so sends are serialised here: a ZeroMQ socket is not thread-safe.
 */
public final class IoPub {

    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Messages messages;
    private boolean closed;

    public IoPub(ZMQ.Socket socket, WireCodec codec, Messages messages) {
        this.socket = socket;
        this.codec = codec;
        this.messages = messages;
    }

    public synchronized void publish(String type, ObjectNode parent, ObjectNode content) {
        if (closed) {
            return;
        }
        try {
            codec.send(socket, messages.broadcast(type, parent, content));
        } catch (ZMQException e) {
            Log.warn("could not publish " + type, e);
        }
    }

    public void status(String state, ObjectNode parent) {
        ObjectNode content = Json.object();
        content.put("execution_state", state);
        publish("status", parent, content);
    }

    public synchronized void close() {
        closed = true;
        socket.close();
    }
}
