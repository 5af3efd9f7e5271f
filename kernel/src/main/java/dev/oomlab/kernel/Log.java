package dev.oomlab.kernel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The kernel's own diagnostics. They go to the process's real stderr (the Jupyter server's log),
 * never to the notebook.
 */
public final class Log {

    // The file descriptor, not System.err: that one is redirected to the notebook.
    private static final PrintStream ERR =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {
    }

    public static void warn(String message) {
        ERR.println("[oomlab-kernel " + LocalTime.now().format(TIME) + "] " + message);
        ERR.flush();
    }

    public static void warn(String message, Throwable error) {
        warn(message + ": " + error);
        if (Boolean.getBoolean("oomlab.kernel.debug")) {
            error.printStackTrace(ERR);
        }
    }
}
