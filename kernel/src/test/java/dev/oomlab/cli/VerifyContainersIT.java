package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import dev.oomlab.Oomlab;
import dev.oomlab.runtime.docker.DockerRuntime;
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
import picocli.CommandLine;

/**
 * {@code verify H4}: results.json lists every container the run started, once each, as the
 * engine's own events (by the run's label) count them.
 */
class VerifyContainersIT {

    @Test
    void resultsJsonListsEveryContainerTheEngineSawStartOnceEach(@TempDir Path out) throws Exception {
        DockerRuntime runtime = (DockerRuntime) Oomlab.runtime();
        Instant began = Instant.now();
        long since = began.getEpochSecond() - 1;
        // the run label is this JVM's: an earlier test here (TourScriptIT) may have started containers
        // within the event filter's whole seconds; only starts after verify began are verify's
        long beganNanos = began.getEpochSecond() * 1_000_000_000L + began.getNano();
        new CommandLine(new VerifyCommand()).execute("H4", "--out", out.toString());
        long until = Instant.now().getEpochSecond() + 1;

        JsonNode containers = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("containers");
        List<String> listed = new ArrayList<>();
        for (JsonNode c : containers) {
            assertThat(c.path("runId").asText()).isEqualTo(runtime.runId());
            assertThat(c.path("host").asText()).isNotBlank();
            assertThat(c.path("scenario").asText()).isNotBlank();
            assertThat(c.path("outcome").asText()).isIn("OK", "OOM", "SIGBUS", "ALLOC_FAILED", "HUNG", "TIMEOUT", "ERROR");
            assertThat(c.path("durationSeconds").asDouble()).isPositive();
            listed.add(c.path("container").asText());
        }

        List<String> started = Collections.synchronizedList(new ArrayList<>());
        ResultCallback.Adapter<Event> events = runtime.client().eventsCmd()
                .withSince(Long.toString(since)).withUntil(Long.toString(until))
                .withEventFilter("start").withLabelFilter(Map.of(DockerRuntime.LABEL_RUN, runtime.runId()))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event e) {
                        if (e.getTimeNano() != null && e.getTimeNano() >= beganNanos) {
                            started.add(e.getActor().getAttributes().get("name"));
                        }
                    }
                });
        assertThat(events.awaitCompletion(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS))
                .as("the engine's event stream up to %d ended", until).isTrue();

        assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
        assertThat(started).containsExactlyInAnyOrderElementsOf(listed);
    }
}
