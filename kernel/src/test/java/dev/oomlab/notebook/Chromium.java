package dev.oomlab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, with a fresh profile and no background traffic, driven over the
 * DevTools protocol. Fails (never skips) when Chromium is not installed.
 */
final class Chromium implements AutoCloseable {

    private final Process process;
    private final int devtoolsPort;

    private Chromium(Process process, int devtoolsPort) {
        this.process = process;
        this.devtoolsPort = devtoolsPort;
    }

    static Path binary() {
        String override = System.getenv("OOMLAB_CHROMIUM");
        List<Path> candidates = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            candidates.add(Path.of(override));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        candidates.add(Path.of("/usr/bin/chromium-browser"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "chromium: not found (install Debian's chromium, or set OOMLAB_CHROMIUM)"));
    }

    /**
     * Chromium keeps a directory in TMPDIR (org.chromium.Chromium.*, its singleton socket) and leaves it behind
     * when it is stopped; pointing TMPDIR under the test's own directory keeps /tmp clean.
     */
    static ProcessBuilder tempUnder(ProcessBuilder builder, Path dir) throws IOException {
        builder.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toAbsolutePath().toString());
        return builder;
    }

    /** Chromium's singleton directories in the system's temp directory, to check that a test adds none. */
    static java.util.Set<Path> inSystemTemp() throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("org.chromium.Chromium."))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    static Chromium start(Path profile, Path log, int width, int height) throws Exception {
        Files.createDirectories(profile);
        List<String> command = List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = tempUnder(builder, profile.getParent()).start();
        // Chromium writes the port it chose into the profile once DevTools listens.
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return new Chromium(process, Integer.parseInt(lines.get(0).strip()));
                }
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("chromium did not open DevTools within 30 s; see " + log);
    }

    /** The first page target (the about:blank tab it opened with). */
    Cdp page() throws IOException, InterruptedException {
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + devtoolsPort + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(list.body())) {
            if ("page".equals(target.path("type").asText())) {
                return Cdp.connect(URI.create(target.path("webSocketDebuggerUrl").asText()));
            }
        }
        throw new IllegalStateException("chromium has no page target: " + list.body());
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
