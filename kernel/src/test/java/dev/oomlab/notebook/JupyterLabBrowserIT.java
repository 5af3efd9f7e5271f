package dev.oomlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * JupyterLab (pip, in the venv `bin/oomlab test` caches) in Debian's headless Chromium, driven by
 * playwright-core (npm, cached likewise) through src/test/browser/jupyterlab-run.js. A hypothesis
 * notebook, with a %maven cell, a scenario to interrupt and a last cell appended, runs from the
 * UI cell by cell; then a copy that is no longer trusted is opened, as JupyterLab's sanitizer
 * shows other people's notebooks. Screenshots go to target/jupyterlab/. Fails, never skips, under
 * CI=true without the venv, playwright-core, Chromium or Docker.
 */
class JupyterLabBrowserIT {

    private static final String NOTEBOOK = "h4-app-gets-whole-limit-with-shm-in-use";
    private static final Path WORK = Path.of("target", "jupyterlab").toAbsolutePath();
    /** A scenario long enough to interrupt; the script finds its cell by this text. */
    private static final String INTERRUPT_MARKER = "// interrupt me from the toolbar";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHypothesisNotebookRunsCellByCellInJupyterLab() throws Exception {
        Tools tools = Tools.locate();
        TestDirs.clean(WORK);
        Path prefix = TestDirs.kernelPrefix(WORK.resolve("kernel-prefix"));
        Path served = Files.createDirectories(WORK.resolve("served"));
        writeTestNotebook(Path.of("..", "notebooks", NOTEBOOK + ".ipynb"), served.resolve(NOTEBOOK + ".ipynb"));
        Path shots = Files.createDirectories(WORK.resolve("screenshots"));

        JsonNode seen;
        try (ServerProcess lab = startLab(tools.venv(), prefix, served, WORK.resolve("jupyter"))) {
            ObjectNode config = JSON.createObjectNode();
            config.put("base", "http://127.0.0.1:" + lab.port());
            config.put("token", lab.token());
            config.put("notebook", NOTEBOOK + ".ipynb");
            config.put("served", served.toString());
            config.put("screenshots", shots.toString());
            config.put("chromium", Chromium.binary().toString());
            config.put("serverPid", lab.process().pid());
            config.put("interruptMarker", INTERRUPT_MARKER);
            Path configFile = WORK.resolve("run-config.json");
            Files.writeString(configFile, JSON.writeValueAsString(config));
            java.util.Set<Path> tempBefore = Chromium.inSystemTemp();
            seen = tools.runScript(configFile, WORK.resolve("playwright.log"));
            assertThat(Chromium.inSystemTemp()).as("the browser left nothing in the system's temp directory")
                    .isSubsetOf(tempBefore);
        }
        Files.writeString(WORK.resolve("seen.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(seen));
        System.out.println("JupyterLab run: " + seen);
        assertThat(seen.path("ok").asBoolean()).as("the browser run: %s", seen.path("failure").asText()).isTrue();

        List<JsonNode> cells = new ArrayList<>();
        seen.path("cellResults").forEach(cells::add);
        assertThat(cells).as("code cells run from the UI").hasSizeGreaterThanOrEqualTo(4);
        for (JsonNode cell : cells) {
            assertThat(cell.path("text").asText()).as("cell %s shows no error", cell.path("index"))
                    .doesNotContain("Exception").doesNotContain("Error");
        }
        JsonNode hypothesis = cells.stream().filter(c -> c.path("maxProgressDisplays").asInt() > 0).findFirst()
                .orElseThrow(() -> new AssertionError("no cell showed a progress display: " + cells));
        assertThat(hypothesis.path("maxProgressDisplays").asInt()).as("one progress display, updated in place")
                .isEqualTo(1);
        assertThat(hypothesis.path("progressTexts").size()).as("the progress display's successive texts: %s",
                hypothesis.path("progressTexts")).isGreaterThanOrEqualTo(2);

        assertRendered(seen.path("trusted"), "run in JupyterLab");
        assertRendered(seen.path("untrusted"), "opened untrusted");
        assertThat(seen.path("trusted").path("colouredBadges").asInt()).as("the REJECTED badge has its colour")
                .isPositive();

        JsonNode maven = cells.stream().filter(c -> c.path("text").asText().contains("1 / 2")).findFirst()
                .orElseThrow(() -> new AssertionError("the %maven cell did not show 1 / 2: " + cells));
        assertThat(maven.path("prompt").asText()).matches("\\[\\d+\\]:?");

        JsonNode interrupt = seen.path("interrupt");
        assertThat(interrupt.path("containers").size()).as("the scenario's container ran: %s", interrupt).isPositive();
        assertThat(interrupt.path("goneAfterMs").asLong()).as("container removed after the toolbar's interrupt: %s",
                interrupt).isLessThan(1000);
        assertThat(interrupt.path("text").asText()).as("the interrupted cell says so").containsIgnoringCase("interrupt");
        JsonNode last = cells.get(cells.size() - 1);
        assertThat(last.path("text").asText()).as("the kernel takes a cell after the interrupt").contains("2");

        for (String shot : List.of("jupyterlab-verdict.png", "jupyterlab-chart.png", "jupyterlab-progress.png",
                "jupyterlab-interrupted.png", "jupyterlab-untrusted-verdict.png", "jupyterlab-untrusted-chart.png")) {
            assertThat(shots.resolve(shot)).as(shot).isNotEmptyFile();
        }
    }

    /** --sys-prefix puts the kernelspec into the venv's share/jupyter, where `jupyter kernelspec list` finds it. */
    @Test
    void kernelInstallSysPrefixIsListedByTheVenvsJupyter() throws Exception {
        Tools tools = Tools.locate();
        String name = "oomlab-it-" + ProcessHandle.current().pid();
        Path jupyter = tools.venv().resolve("bin/jupyter");
        try {
            String installed = run(List.of(javaBin(), "-cp", "target/oomlab.jar:target/lib/*",
                    "dev.oomlab.cli.OomlabCli", "kernel", "install", "--sys-prefix", "--name", name), tools.venv());
            assertThat(installed).contains(tools.venv().resolve("share/jupyter/kernels").toString());
            String listed = run(List.of(jupyter.toString(), "kernelspec", "list"), tools.venv());
            assertThat(listed).as("jupyter kernelspec list").containsPattern("(?m)^\\s*" + name + "\\s+"
                    + java.util.regex.Pattern.quote(tools.venv().resolve("share/jupyter/kernels/" + name).toString()));
            assertThat(tools.venv().resolve("share/jupyter/kernels/" + name + "/logo-64x64.png")).isNotEmptyFile();
        } finally {
            run(List.of(jupyter.toString(), "kernelspec", "remove", "-y", name), tools.venv());
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(List<String> command, Path venv) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VIRTUAL_ENV", venv.toString());
        builder.environment().put("PATH", venv.resolve("bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:\n%s", command, output).isZero();
        return output;
    }

    private static void assertRendered(JsonNode seen, String how) {
        List<String> rows = new ArrayList<>();
        seen.path("rows").forEach(r -> rows.add(r.asText()));
        assertThat(rows).as("the verdict table's rows, %s: %s", how, seen).hasSize(2);
        assertThat(rows.get(0)).startsWith("shm 800 + ram 1100").contains("OK");
        assertThat(rows.get(1)).startsWith("shm 800 + ram 1300").contains("OOM").contains("137");
        assertThat(seen.path("rejected").asInt()).as("the REJECTED verdict, %s: %s", how, seen).isPositive();
        assertThat(seen.path("card").asBoolean()).as("the result card, %s: %s", how, seen).isTrue();
        assertThat(seen.path("cardChartWidth").asInt()).as("the card's timeline chart, %s: %s", how, seen)
                .isGreaterThanOrEqualTo(400);
        assertThat(seen.path("chartShownWidth").asInt()).as("the chart as laid out, %s: %s", how, seen).isPositive();
        assertThat(seen.path("errorOutputs").asInt()).as("error outputs, %s: %s", how, seen).isZero();
    }

    /** The hypothesis notebook without outputs, then a %maven cell, a scenario to interrupt, and 1+1. */
    private static void writeTestNotebook(Path from, Path to) throws IOException {
        ObjectNode notebook = (ObjectNode) JSON.readTree(from.toFile());
        ArrayNode cells = (ArrayNode) notebook.path("cells");
        for (JsonNode cell : cells) {
            if ("code".equals(cell.path("cell_type").asText())) {
                ((ObjectNode) cell).putArray("outputs");
                ((ObjectNode) cell).putNull("execution_count");
            }
        }
        cells.add(codeCell("%maven org.apache.commons:commons-math3:3.6.1\n"
                + "new org.apache.commons.math3.fraction.Fraction(1, 3).add(new org.apache.commons.math3.fraction.Fraction(1, 6))"));
        cells.add(codeCell(INTERRUPT_MARKER + "\nscenario().memory(\"96m\").allocRam(8).sleep(\"120s\").run()"));
        cells.add(codeCell("1 + 1"));
        Files.writeString(to, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notebook));
    }

    private static ObjectNode codeCell(String source) {
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", "code");
        cell.putNull("execution_count");
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.put("source", source);
        return cell;
    }

    /** The cached JupyterLab venv and playwright-core, at the versions bin/lib/setup.sh pins. */
    record Tools(Path venv, Path playwright) {

        static Tools locate() throws Exception {
            Process process = new ProcessBuilder("bash", "-c",
                    "source ../bin/lib/setup.sh && echo \"$OOMLAB_JUPYTERLAB_VENV\" && echo \"$OOMLAB_PLAYWRIGHT_DIR\"")
                    .redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            process.waitFor();
            Path venv = Path.of(lines.get(0));
            Path playwright = Path.of(lines.get(1));
            if (!Files.isRegularFile(venv.resolve(".oomlab-complete"))) {
                TestDirs.missing("JupyterLab: no venv at " + venv + " (bin/oomlab test makes it)");
            }
            if (!Files.isRegularFile(playwright.resolve(".oomlab-complete"))) {
                TestDirs.missing("playwright-core: not in " + playwright + " (bin/oomlab test installs it)");
            }
            if (!Files.isExecutable(Path.of("/usr/bin/node"))) {
                TestDirs.missing("node: /usr/bin/node is not installed");
            }
            return new Tools(venv, playwright);
        }

        JsonNode runScript(Path config, Path log) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/node",
                    Path.of("src/test/browser/jupyterlab-run.js").toAbsolutePath().toString(), config.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("NODE_PATH", playwright.resolve("node_modules").toString());
            Process process = Chromium.tempUnder(builder, log.getParent()).start(); // Playwright's profile too
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                Processes.stop(process, Duration.ofSeconds(5));
                throw new AssertionError("the browser script did not end within 15 minutes; see " + log);
            }
            String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("the browser script printed no result (exit "
                            + process.exitValue() + "): " + output + "; see " + log));
            return JSON.readTree(last);
        }
    }

    /** JupyterLab on 127.0.0.1 with a random token; the test's kernelspec first on JUPYTER_PATH. */
    static ServerProcess startLab(Path venv, Path kernelPrefix, Path root, Path scratch) throws Exception {
        int port = ServerProcess.freePort();
        String token = ServerProcess.newToken();
        Files.createDirectories(scratch);
        ProcessBuilder builder = new ProcessBuilder(venv.resolve("bin/jupyter-lab").toString(), "--no-browser",
                "--ip=127.0.0.1", "--port=" + port, "--ServerApp.port_retries=0",
                "--IdentityProvider.token=" + token, "--ServerApp.root_dir=" + root, "--allow-root",
                "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate");
        Map<String, String> env = builder.environment();
        // the test's kernelspec (this build) before any other "oomlab" on the machine or in the shared venv
        env.put("JUPYTER_PATH", kernelPrefix.resolve("share/jupyter").toString());
        ServerProcess.isolate(env, scratch);
        env.put("JUPYTERLAB_SETTINGS_DIR", scratch.resolve("lab-settings").toString());
        env.put("JUPYTERLAB_WORKSPACES_DIR", scratch.resolve("lab-workspaces").toString());
        // no "official Jupyter news?" prompt over the page
        Path news = scratch.resolve("lab-settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings");
        Files.createDirectories(news.getParent());
        Files.writeString(news, "{\"fetchNews\": \"false\"}");
        return ServerProcess.start("JupyterLab", builder, port, token, scratch.resolve("jupyterlab.log"),
                Duration.ofSeconds(120));
    }
}
