package dev.oomlab.notebook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A Jupyter server (the classic Notebook or JupyterLab) a test started on 127.0.0.1 with a random
 * token, its output in a log; stopping it also stops the kernels it started.
 */
record ServerProcess(Process process, int port, String token) implements AutoCloseable {

    /** A loopback port nothing listens on now: the server is told it, with no retries. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String newToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Jupyter's config, runtime and data (the trust database) in the scratch directory, so the
     * machine's own Jupyter set-up neither leaks in nor changes.
     */
    static void isolate(Map<String, String> env, Path scratch) {
        env.put("JUPYTER_CONFIG_DIR", scratch.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", scratch.resolve("runtime").toString());
        env.put("JUPYTER_DATA_DIR", scratch.resolve("data").toString());
    }

    /**
     * Starts the server the builder describes (on this port, with this token) and returns once its
     * /api/status answers; a server that exits or does not answer in time is stopped, and the error
     * carries its log.
     */
    static ServerProcess start(String name, ProcessBuilder builder, int port, String token, Path log, Duration within)
            throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServerProcess server = new ServerProcess(process, port, token);
        try {
            server.awaitReady(name, log, within);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** http://127.0.0.1:port/path?token=… */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path + "?token=" + token);
    }

    private void awaitReady(String name, Path log, Duration within) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI status = uri("/api/status");
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not answer within " + within.toSeconds() + " s:\n"
                + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, Duration.ofSeconds(15));
    }
}
