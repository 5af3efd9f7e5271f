package dev.oomlab.notebook;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The classic Notebook server (Debian's jupyter-notebook) on 127.0.0.1 with a random token,
 * serving one directory, with its config and runtime files in a scratch directory so the
 * machine's own Jupyter set-up neither leaks in nor changes.
 */
record NotebookServer(ServerProcess server, Jupyter jupyter, Path scratch) implements AutoCloseable {

    static NotebookServer start(Jupyter jupyter, Path notebookDir, Path scratch) throws Exception {
        int port = ServerProcess.freePort();
        String token = ServerProcess.newToken();
        Files.createDirectories(scratch);
        ProcessBuilder builder = jupyter.process(List.of("notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.port_retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebookDir.toAbsolutePath(), "--allow-root"));
        ServerProcess.isolate(builder.environment(), scratch);
        return new NotebookServer(ServerProcess.start("the notebook server", builder, port, token,
                scratch.resolve("notebook-server.log"), Duration.ofSeconds(60)), jupyter, scratch);
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
        ServerProcess.isolate(builder.environment(), scratch);
        Process trust = builder.redirectErrorStream(true).start();
        String output = new String(trust.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (trust.waitFor() != 0) {
            throw new IllegalStateException(python + " -m nbformat.sign failed: " + output);
        }
    }

    /** The URL that opens a notebook of the served directory in the classic interface. */
    URI notebookUrl(String fileName) {
        return server.uri("/notebooks/" + fileName);
    }

    /** Stops the server and the kernel the opened notebook started. */
    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
