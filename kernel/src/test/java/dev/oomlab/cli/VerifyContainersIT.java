package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import dev.oomlab.Oomlab;
import dev.oomlab.runtime.docker.DockerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify H4}: results.json lists every container the run started, once each, as the
 * engine's own events (by the run's label) count them. Verify runs in its own JVM, as the CLI does:
 * in this one, other tests share the default runtime and its run label.
 */
class VerifyContainersIT {

    @Test
    void resultsJsonListsEveryContainerTheEngineSawStartOnceEach(@TempDir Path out) throws Exception {
        DockerRuntime runtime = (DockerRuntime) Oomlab.runtime();
        long since = Instant.now().getEpochSecond() - 1;
        Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OomlabCli.class.getName(),
                "verify", "H4", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("verify.log").toFile()).start();
        assertThat(verify.waitFor(10, TimeUnit.MINUTES)).as("verify H4 ended").isTrue();
        assertThat(verify.exitValue()).as("verify H4's log: %s", Files.readString(out.resolve("verify.log")))
                .isIn(0, 1);
        long until = Instant.now().getEpochSecond() + 1;

        JsonNode containers = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("containers");
        String runId = containers.path(0).path("runId").asText();
        assertThat(runId).as("the run id of verify's first container").isNotBlank()
                .isNotEqualTo(runtime.runId());
        List<String> listed = new ArrayList<>();
        for (JsonNode c : containers) {
            assertThat(c.path("runId").asText()).isEqualTo(runId);
            assertThat(c.path("host").asText()).isNotBlank();
            assertThat(c.path("scenario").asText()).isNotBlank();
            assertThat(c.path("outcome").asText()).isIn("OK", "OOM", "SIGBUS", "ALLOC_FAILED", "HUNG", "TIMEOUT", "ERROR");
            assertThat(c.path("durationSeconds").asDouble()).isPositive();
            listed.add(c.path("container").asText());
        }

        List<String> started = Collections.synchronizedList(new ArrayList<>());
        ResultCallback.Adapter<Event> events = runtime.client().eventsCmd()
                .withSince(Long.toString(since)).withUntil(Long.toString(until))
                .withEventFilter("start").withLabelFilter(Map.of(DockerRuntime.LABEL_RUN, runId))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event e) {
                        started.add(e.getActor().getAttributes().get("name"));
                    }
                });
        assertThat(events.awaitCompletion(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS))
                .as("the engine's event stream up to %d ended", until).isTrue();

        assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
        assertThat(started).containsExactlyInAnyOrderElementsOf(listed);
    }
}
