package dev.oomlab.kernel.protocol;

import dev.oomlab.kernel.Log;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * Reads and writes messages in Jupyter's multipart wire format:
 * identities..., "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers...
 * Every received message is checked against its HMAC; a bad one is dropped and logged.
 */
public final class WireCodec {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final Signer signer;

    public WireCodec(Signer signer) {
        this.signer = signer;
    }

    /**
     * Blocks for the next message (or returns null at once with {@code flags = ZMQ.DONTWAIT} and
     * nothing queued). Returns null as well for a dropped (malformed or badly signed) message.
     */
    public Message read(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return decode(frames, socket);
    }

    private Message decode(List<byte[]> frames, ZMQ.Socket socket) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            Log.warn("dropped a malformed message (" + frames.size() + " frames) on " + name(socket));
            return null;
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            Log.warn("dropped a message with a bad signature on " + name(socket));
            return null;
        }
        return new Message(
                List.copyOf(frames.subList(0, delimiter)),
                Json.parseObject(header), Json.parseObject(parent),
                Json.parseObject(metadata), Json.parseObject(content),
                List.copyOf(frames.subList(delimiter + 6, frames.size())));
    }

    public void send(ZMQ.Socket socket, Message message) {
        byte[] header = Json.bytes(message.header());
        byte[] parent = Json.bytes(message.parentHeader());
        byte[] metadata = Json.bytes(message.metadata());
        byte[] content = Json.bytes(message.content());
        String signature = signer.sign(header, parent, metadata, content);
        for (byte[] identity : message.identities()) {
            socket.sendMore(identity);
        }
        socket.sendMore(DELIMITER);
        socket.sendMore(signature.getBytes(StandardCharsets.US_ASCII));
        socket.sendMore(header);
        socket.sendMore(parent);
        socket.sendMore(metadata);
        List<byte[]> buffers = message.buffers();
        if (buffers.isEmpty()) {
            socket.send(content);
            return;
        }
        socket.sendMore(content);
        for (int i = 0; i < buffers.size(); i++) {
            if (i == buffers.size() - 1) {
                socket.send(buffers.get(i));
            } else {
                socket.sendMore(buffers.get(i));
            }
        }
    }

    private static String name(ZMQ.Socket socket) {
        return socket.getLastEndpoint() == null ? socket.getSocketType().name() : socket.getLastEndpoint();
    }
}
