package dev.oomlab.kernel.channel;

import dev.oomlab.kernel.Log;
import dev.oomlab.kernel.protocol.Message;
import dev.oomlab.kernel.protocol.WireCodec;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Serves one ROUTER channel (shell or control) on its own thread: a blocking receive, then the
 * dispatcher; no polling sleep, so a request is handled the moment it arrives.
 */
public final class RequestLoop implements Runnable {

    /** Handles one request; replies go back through the {@link Channel} it is given. */
    public interface Dispatcher {
        void dispatch(Message request, Channel channel);
    }

    /** What a dispatcher may do with the channel it was called on. */
    public interface Channel {
        void send(Message message);

        /** The next request already queued on this channel, or null: used to abort queued cells. */
        Message poll();
    }

    private final String name;
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Dispatcher dispatcher;

    public RequestLoop(String name, ZMQ.Socket socket, WireCodec codec, Dispatcher dispatcher) {
        this.name = name;
        this.socket = socket;
        this.codec = codec;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run() {
        Channel channel = new Channel() {
            @Override
            public void send(Message message) {
                codec.send(socket, message);
            }

            @Override
            public Message poll() {
                return codec.read(socket, ZMQ.DONTWAIT);
            }
        };
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Message request = codec.read(socket, 0);
                if (request == null) {
                    if (socket.errno() == ZMQ.Error.ETERM.getCode()) {
                        break;
                    }
                    continue;
                }
                try {
                    dispatcher.dispatch(request, channel);
                } catch (RuntimeException e) {
                    Log.warn(name + ": failed to handle " + request.type(), e);
                }
            }
        } catch (ZMQException terminated) {
            // the context is shutting down
        } finally {
            socket.close();
        }
    }
}
