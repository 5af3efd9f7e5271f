package dev.oomlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real browser: an executed hypothesis notebook opened in the classic Notebook server (the
 * front end these machines have; JupyterLab uses the same kernelspec) in headless Chromium. Its
 * verdict table and its chart must render, untrusted (as a reader of the report opens it) and
 * trusted, and the page must start the oomlab kernel. Screenshots
 * go to target/notebook-browser/. Fails, never skips, without Jupyter, Chromium or Docker.
 */
class NotebookBrowserIT {

    private static final String NOTEBOOK = "h4-app-gets-whole-limit-with-shm-in-use";
    private static final Path WORK = Path.of("target", "notebook-browser");

    /** What the page shows, read from the DOM the classic Notebook rendered. */
    private static final String LOOK = """
            (() => {
              const nb = document.querySelector('#notebook');
              if (!nb) return {ready: false};
              const verdict = [...nb.querySelectorAll('.output_html table')]
                  .find(t => t.innerText.includes('seed observed'));
              const rows = verdict ? [...verdict.querySelectorAll('tbody tr')]
                  .map(r => r.innerText.replace(/\\s+/g, ' ').trim()) : [];
              const images = [...nb.querySelectorAll('.output_area img')];
              const chart = images.find(i => i.complete && i.naturalWidth >= 400);
              const rejected = [...nb.querySelectorAll('.output_html span')].filter(s => s.innerText.trim() === 'REJECTED');
              const coloured = rejected.filter(s => !['', 'transparent', 'rgba(0, 0, 0, 0)']
                  .includes(getComputedStyle(s).backgroundColor));
              const kernel = window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel;
              return {
                ready: true,
                cells: nb.querySelectorAll('.cell').length,
                errors: nb.querySelectorAll('.output_error').length,
                rows: rows,
                images: images.length,
                chartWidth: chart ? chart.naturalWidth : 0,
                chartShownWidth: chart ? Math.round(chart.getBoundingClientRect().width) : 0,
                rejected: rejected.length,
                colouredBadges: coloured.length,
                trusted: !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.trusted),
                kernelName: kernel ? kernel.name : '',
                kernelConnected: !!(kernel && kernel.is_connected())
              };
            })()""";

    @Test
    void anExecutedNotebookShowsItsVerdictTableAndChartInTheClassicNotebook() throws Exception {
        TestDirs.clean(WORK);
        Path prefix = TestDirs.kernelPrefix(WORK.resolve("kernel-prefix"));
        Path served = WORK.resolve("served");
        NotebookRun run = NotebookRunner.on(prefix).run(Path.of("..", "notebooks", NOTEBOOK + ".ipynb"), served);
        assertThat(run.passed()).as("executing %s: %s", NOTEBOOK, run).isTrue();

        java.util.Set<Path> tempBefore = Chromium.inSystemTemp();
        try (NotebookServer server = NotebookServer.start(Jupyter.locate(prefix), served, WORK.resolve("jupyter"));
             Chromium chromium = Chromium.start(WORK.resolve("chromium-profile"), WORK.resolve("chromium.log"), 1280, 1700);
             Cdp page = chromium.page()) {
            String url = server.notebookUrl(NOTEBOOK + ".ipynb").toString();

            // As a reader of the report opens it: not trusted, so the Notebook strips inline styles.
            page.send("Page.navigate", Map.of("url", url), Duration.ofSeconds(30));
            JsonNode untrusted = awaitRendered(page, Duration.ofSeconds(90), false);
            screenshot(page, WORK.resolve(NOTEBOOK + "-verdict.png"), true);
            screenshot(page, WORK.resolve(NOTEBOOK + "-chart.png"), false);
            assertRendered(untrusted);
            assertThat(untrusted.path("kernelName").asText()).as("the kernel the page started").isEqualTo("oomlab");

            // Trusted, as after `jupyter trust` or running it in one's own browser: styled as designed.
            server.trust(served.resolve(NOTEBOOK + ".ipynb"));
            page.send("Page.reload", Map.of("ignoreCache", true), Duration.ofSeconds(30));
            JsonNode trusted = awaitRendered(page, Duration.ofSeconds(90), true);
            screenshot(page, WORK.resolve(NOTEBOOK + "-trusted-verdict.png"), true);
            screenshot(page, WORK.resolve(NOTEBOOK + "-trusted-chart.png"), false);
            assertRendered(trusted);
            assertThat(trusted.path("trusted").asBoolean()).as("trusted after jupyter trust: %s", trusted).isTrue();
            assertThat(trusted.path("colouredBadges").asInt()).as("the REJECTED badge has its colour: %s", trusted)
                    .isPositive();
        }
        assertThat(Chromium.inSystemTemp()).as("the browser left nothing in the system's temp directory")
                .isSubsetOf(tempBefore);
        for (String shot : List.of("-verdict.png", "-chart.png", "-trusted-verdict.png", "-trusted-chart.png")) {
            assertThat(Files.size(WORK.resolve(NOTEBOOK + shot))).as(shot).isPositive();
        }
    }

    private static void assertRendered(JsonNode seen) {
        assertThat(seen.path("errors").asInt()).as("error outputs on the page: %s", seen).isZero();
        assertThat(seen.path("cells").asInt()).as("cells rendered: %s", seen).isGreaterThanOrEqualTo(7);
        List<String> rows = new ArrayList<>();
        seen.path("rows").forEach(r -> rows.add(r.asText()));
        assertThat(rows).as("the verdict table's rows: %s", seen).hasSize(2);
        assertThat(rows.get(0)).startsWith("shm 800 + ram 1100").contains("OK");
        assertThat(rows.get(1)).startsWith("shm 800 + ram 1300").contains("OOM").contains("137");
        assertThat(seen.path("rejected").asInt()).as("the REJECTED verdict: %s", seen).isPositive();
        assertThat(seen.path("chartWidth").asInt()).as("the timeline chart's PNG width: %s", seen)
                .isGreaterThanOrEqualTo(400);
        assertThat(seen.path("chartShownWidth").asInt()).as("the chart as laid out: %s", seen).isPositive();
    }

    /** Polls the page until the table, the chart and the kernel are there, or the time is up. */
    private static JsonNode awaitRendered(Cdp page, Duration timeout, boolean trusted) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode seen = null;
        while (System.nanoTime() < deadline) {
            seen = page.evaluate(LOOK);
            if (seen.path("ready").asBoolean() && seen.path("rows").size() > 0 && seen.path("chartWidth").asInt() > 0
                    && seen.path("kernelConnected").asBoolean() && seen.path("trusted").asBoolean() == trusted) {
                return seen;
            }
            Thread.sleep(250);
        }
        return seen; // the assertions say what is missing
    }

    /** A PNG of the viewport, with the verdict table (or else the chart) scrolled into the middle. */
    private static void screenshot(Cdp page, Path file, boolean table) throws Exception {
        page.evaluate(table
                ? "[...document.querySelectorAll('#notebook .output_html table')]"
                        + ".find(t => t.innerText.includes('seed observed')).scrollIntoView({block: 'center'})"
                : "[...document.querySelectorAll('#notebook .output_area img')]"
                        + ".find(i => i.naturalWidth >= 400).scrollIntoView({block: 'center'})");
        // laid out and painted after the scroll: two animation frames, not a guessed delay
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");
        JsonNode shot = page.send("Page.captureScreenshot", Map.of("format", "png"), Duration.ofSeconds(30));
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }
}
