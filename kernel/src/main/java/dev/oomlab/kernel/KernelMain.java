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
        if (args.length == 1 && TRAIN.equals(args[0])) {
            train();
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println("usage: KernelMain <connection-file>");
            System.exit(2);
        }
        run(Path.of(args[0]));
        System.exit(0);
    }

    /** The argument for a training run: what a class-data-sharing archive is recorded from. */
    public static final String TRAIN = "--train";

    /** Does what a kernel's start does (JShell, the start-up script, a first cell), then returns. */
    static void train() {
        try (dev.oomlab.kernel.jshell.JavaRepl repl = dev.oomlab.kernel.jshell.JavaRepl.start()) {
            repl.eval("1+1");
            repl.complete("Math.ma", 7);
        }
        new dev.oomlab.kernel.handler.KernelInfoHandler();
        dev.oomlab.kernel.protocol.Json.text(dev.oomlab.kernel.protocol.Json.object().put("warm", true));
    }

    /** Runs a kernel until it is told to shut down. */
    public static void run(Path connectionFile) throws Exception {
        Kernel.start(ConnectionInfo.read(connectionFile)).awaitShutdown();
    }
}
