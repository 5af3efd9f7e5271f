package dev.oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.view.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private final List<HypothesisResult> hypotheses = List.of(Fixtures.rejected(), Fixtures.supportedNotAsSeed());

    @Test
    void jsonHasTheEnvironmentEveryCaseAndThePlatformBug(@TempDir Path dir) throws Exception {
        ReportFiles files = ReportWriter.to(dir).write(hypotheses, Fixtures.platformBug(false));
        JsonNode root = new ObjectMapper().readTree(files.json().toFile());

        assertThat(texts(root.path("environment"), "kernel", "cgroupVersion", "dockerVersion"))
                .isEqualTo(Map.of("kernel", "6.1.0-test", "cgroupVersion", "1", "dockerVersion", "20.10.24"));

        JsonNode h4 = root.path("hypotheses").get(0);
        assertThat(h4.path("claim").asText()).startsWith("with shm in use");
        assertThat(texts(h4, "id", "verdict", "seedVerdict", "decidingCase", "chart")).isEqualTo(Map.of(
                "id", "H4", "verdict", "REJECTED", "seedVerdict", "REJECTED", "decidingCase", "shm 32 + ram 400",
                "chart", "H4.png"));
        JsonNode c = h4.path("cases").get(1);
        assertThat(texts(c, "name", "expectedIfTrue", "expectedIfFalse", "predicted", "observed", "seedObserved",
                "matchesSeed", "exitCode", "oomKilled")).isEqualTo(Map.of(
                "name", "shm 32 + ram 400", "expectedIfTrue", "OK", "expectedIfFalse", "OOM", "predicted", "OOM",
                "observed", "OOM", "seedObserved", "OOM", "matchesSeed", "true", "exitCode", "137", "oomKilled", "true"));
        assertThat(c.path("peakMiB").asDouble()).isEqualTo(241.0);

        JsonNode h3 = root.path("hypotheses").get(1);
        assertThat(h3.path("reproducesSeed").asBoolean()).isFalse();
        assertThat(texts(h3.path("cases").get(0), "matchesSeed", "modelAgrees"))
                .isEqualTo(Map.of("matchesSeed", "false", "modelAgrees", "false"));

        assertThat(texts(root.path("platformBug"), "asIsMaxRamMiB", "toBeMaxRamMiB", "lostMiB"))
                .isEqualTo(Map.of("asIsMaxRamMiB", "126", "toBeMaxRamMiB", "254", "lostMiB", "128"));
        assertThat(root.path("summary").path("notAsSeed").asInt()).isEqualTo(1);
    }

    @Test
    void csvHasOneRowPerCase(@TempDir Path dir) throws Exception {
        ReportFiles files = ReportWriter.to(dir).write(hypotheses, null);
        List<String> lines = Files.readAllLines(files.csv());
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(0).split(",")).startsWith("hypothesis", "verdict", "case", "limits", "steps",
                "expected if true", "expected if false", "predicted", "observed", "seed observed", "matches seed",
                "exit code", "OOMKilled", "peak MiB");
        assertThat(new ObjectMapper().readTree(files.json().toFile()).path("platformBug").isNull()).isTrue();
    }

    @Test
    void indexShowsEverythingAndLinksTheNotebooks(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("notebooks/H4.ipynb");
        ReportFiles files = ReportWriter.to(dir.resolve("report")).notebooks(List.of(notebook))
                .write(hypotheses, Fixtures.platformBug(true));
        assertThat(files.charts()).extracting(p -> p.getFileName().toString())
                .containsExactly("H4.png", "H3.png", "platform-bug.png");
        for (Path png : files.charts()) {
            assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
        String index = Files.readString(files.index());
        assertThat(index).startsWith("<!DOCTYPE html>")
                .contains("href=\"#H4\"").contains("id=\"H4\"")
                .contains("src=\"H4.png\"").contains("src=\"platform-bug.png\"")
                .contains("href=\"../notebooks/H4.ipynb\"")
                .contains("href=\"results.json\"").contains("href=\"results.csv\"")
                .contains("1 of 2</b> hypotheses reproduce the seed; 4 cases, <b>1</b> not as the seed")
                .contains("<th style=\"" + dev.oomlab.display.TableHtml.TH + "\">not as seed</th>")
                .contains("<a href=\"#H3\">H3</a>")
                .doesNotContain("matches seed</th>")
                .contains("6.1.0-test")
                .doesNotContain("<script");
    }

    @Test
    void theExtendedHypothesesHaveTheirOwnSectionAndArrayWithTheReasonAHostCannotRunThem(@TempDir Path dir)
            throws Exception {
        HypothesisResult cannot = HypothesisResult.cannotRun(dev.oomlab.hypothesis.Catalogue.byId("E6"),
                "it needs swap on the host; this host has none (SwapTotal 0)");
        ReportFiles files = ReportWriter.to(dir).extended(List.of(Fixtures.rejected(), cannot))
                .write(hypotheses, null);
        JsonNode root = new ObjectMapper().readTree(files.json().toFile());
        assertThat(root.path("hypotheses")).hasSize(2);
        JsonNode e6 = root.path("extendedHypotheses").get(1);
        assertThat(texts(e6, "id", "verdict", "cannotRunOnThisHost")).isEqualTo(Map.of("id", "E6",
                "verdict", "CANNOT_RUN", "cannotRunOnThisHost", "it needs swap on the host; this host has none (SwapTotal 0)"));
        assertThat(e6.path("hostNeeds").get(0).asText()).isEqualTo("swap on the host");
        assertThat(e6.path("cases")).isEmpty();
        String index = Files.readString(files.index());
        assertThat(index).contains("Extended hypotheses (seeds 001-004)").contains("cannot run on this host")
                .contains("it needs swap on the host; this host has none (SwapTotal 0)");
    }

    /** The named fields of a JSON object as text: one comparison shows every field that differs. */
    private static Map<String, String> texts(JsonNode node, String... fields) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String field : fields) {
            texts.put(field, node.path(field).asText());
        }
        return texts;
    }
}
