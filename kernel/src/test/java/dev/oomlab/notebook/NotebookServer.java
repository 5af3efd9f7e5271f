package dev.oomlab.notebook;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The classic Notebook server (Debian's jupyter-notebook) on 127.0.0.1 with a random token,
 * serving one directory, with its config and runtime files in a scratch directory so the
 * machine's own Jupyter set-up neither leaks in nor changes.
 */
final class NotebookServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String token;
    private final Jupyter jupyter;
    private final Path scratch;

    private NotebookServer(Process process, int port, String token, Jupyter jupyter, Path scratch) {
        this.process = process;
        this.port = port;
        this.token = token;
        this.jupyter = jupyter;
        this.scratch = scratch;
    }

    static NotebookServer start(Jupyter jupyter, Path notebookDir, Path scratch) throws Exception {
        int port = freePort();
        String token = UUID.randomUUID().toString().replace("-", "");
        Files.createDirectories(scratch);
        Path log = scratch.resolve("notebook-server.log");
        ProcessBuilder builder = jupyter.process(List.of("notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.port_retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebookDir.toAbsolutePath(), "--allow-root"));
        isolate(builder, scratch);
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        NotebookServer server = new NotebookServer(process, port, token, jupyter, scratch);
        server.awaitReady(log);
        return server;
    }

    /** Jupyter's config, runtime and data (the trust database) in the scratch directory. */
    private static void isolate(ProcessBuilder builder, Path scratch) {
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_CONFIG_DIR", scratch.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", scratch.resolve("runtime").toString());
        env.put("JUPYTER_DATA_DIR", scratch.resolve("data").toString());
    }

    /**
     * Signs a notebook as trusted for this server, as a user does for outputs they did not produce
     * in their own browser; until then the classic Notebook strips the inline styles of its HTML
     * outputs. Debian ships no `jupyter trust` command, so this runs nbformat's signer with the
     * Python next to jupyter.
     */
    void trust(Path notebook) throws Exception {
        Path python = jupyter.command().resolveSibling("python3");
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "-m", "nbformat.sign",
                notebook.toAbsolutePath().toString());
        isolate(builder, scratch);
        Process trust = builder.redirectErrorStream(true).start();
        String output = new String(trust.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (trust.waitFor() != 0) {
            throw new IllegalStateException(python + " -m nbformat.sign failed: " + output);
        }
    }

    /** The URL that opens a notebook of the served directory in the classic interface. */
    URI notebookUrl(String fileName) {
        return URI.create("http://127.0.0.1:" + port + "/notebooks/" + fileName + "?token=" + token);
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI status = URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the notebook server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the notebook server did not answer within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server and the kernel the opened notebook started. */
    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, Duration.ofSeconds(15));
    }
}
