package dev.oomlab.kernel;

import dev.oomlab.kernel.protocol.ConnectionInfo;
import java.nio.file.Path;

/**
 * The kernel process's entry point, named in kernel.json. Plain main (no command-line parsing
 * library) because every millisecond here is the user's wait for the first cell.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain <connection-file>");
            System.exit(2);
        }
        run(Path.of(args[0]));
        System.exit(0);
    }

    /** Runs a kernel until it is told to shut down. */
    public static void run(Path connectionFile) throws Exception {
        Kernel.start(ConnectionInfo.read(connectionFile)).awaitShutdown();
    }
}
