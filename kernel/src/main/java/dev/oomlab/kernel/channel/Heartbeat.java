package dev.oomlab.kernel.channel;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** Echoes heartbeat pings, on its own thread so a busy cell never looks like a dead kernel. */
public final class Heartbeat implements Runnable {

    private final ZMQ.Socket socket;

    public Heartbeat(ZMQ.Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            while (true) {
                byte[] ping = socket.recv();
                if (ping == null) {
                    break;
                }
                socket.send(ping);
            }
        } catch (ZMQException terminated) {
            // the context is shutting down
        } finally {
            socket.close();
        }
    }
}
