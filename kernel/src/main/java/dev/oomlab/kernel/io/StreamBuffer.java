package dev.oomlab.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * What user code writes to System.out or System.err. Bytes are batched and published as
 * "stream" messages shortly after they are written, so output shows while the cell runs without
 * one message per println.
 */
final class StreamBuffer extends OutputStream {

    static final long BATCH_MILLIS = 40;
    private static final int MAX_BATCH = 64 * 1024;

    private final String name;
    private final BiConsumer<String, String> publisher;
    private final ScheduledExecutorService timer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean scheduled;

    StreamBuffer(String name, BiConsumer<String, String> publisher, ScheduledExecutorService timer) {
        this.name = name;
        this.publisher = publisher;
        this.timer = timer;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        afterWrite();
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        afterWrite();
    }

    /** A no-op on purpose: println's autoflush must not send a message per line. */
    @Override
    public void flush() {
    }

    private void afterWrite() {
        if (pending.size() >= MAX_BATCH) {
            drain();
        } else if (!scheduled) {
            scheduled = true;
            timer.schedule(this::drain, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes everything written so far (whole characters only). */
    synchronized void drain() {
        scheduled = false;
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int whole = Utf8.completePrefix(bytes, bytes.length);
        pending.reset();
        pending.write(bytes, whole, bytes.length - whole);
        if (whole > 0) {
            publisher.accept(name, new String(Arrays.copyOf(bytes, whole), StandardCharsets.UTF_8));
        }
    }
}
