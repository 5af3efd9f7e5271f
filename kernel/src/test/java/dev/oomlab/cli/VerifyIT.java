package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import dev.oomlab.Oomlab;
import dev.oomlab.runtime.docker.DockerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The main job, whole: {@code oomlab verify} in its own JVM, as a user runs it. It reproduces the
 * seed study (exit 0), executes every notebook without a cell error, with each notebook's kernel
 * answering from verify's result store, and starts no scenario twice on a host: the containers
 * results.json lists are exactly those the engine saw created under the job's label (one that runc
 * could not start, as a negative oom_score_adj here, counts: it was made), which verify's
 * notebook kernels inherit. The report stays in target/verify-it/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyIT {

    /** The report stays here to look at after the test. */
    private final Path out = Path.of("target", "verify-it").toAbsolutePath();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final String job = "verify-it-" + UUID.randomUUID().toString().substring(0, 8);
    /** Containers the engine created under the job's label; one that runc failed to start counts too. */
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private int exit;
    private JsonNode report;

    @BeforeAll
    void runVerify() throws Exception {
        FileUtils.deleteDirectory(out.toFile());
        Files.createDirectories(out);
        DockerRuntime runtime = (DockerRuntime) Oomlab.runtime();
        // Listen from before the start: the engine keeps only its last 256 events for a later query.
        String marker = "oomlab-marker:" + job;
        CountDownLatch markerSeen = new CountDownLatch(1);
        ResultCallback.Adapter<Event> events = runtime.client().eventsCmd()
                .withSince(Long.toString(Instant.now().getEpochSecond() - 1))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event e) {
                        Map<String, String> attributes = e.getActor() == null ? Map.of() : e.getActor().getAttributes();
                        if ("create".equals(e.getAction()) && job.equals(attributes.get(DockerRuntime.LABEL_JOB))) {
                            created.add(attributes.get("name"));
                        } else if ("tag".equals(e.getAction()) && marker.equals(attributes.get("name"))) {
                            markerSeen.countDown();
                        }
                    }
                });
        try {
            ProcessBuilder verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OomlabCli.class.getName(), "verify", "--out",
                    out.toString())
                    .redirectErrorStream(true).redirectOutput(out.resolve("verify.log").toFile());
            verify.environment().put(DockerRuntime.JOB_ENV, job);
            verify.environment().put("OOMLAB_ROOT", ROOT.toString());
            Process p = verify.start();
            assertThat(p.waitFor(45, TimeUnit.MINUTES)).as("verify ended").isTrue();
            exit = p.exitValue();
            System.out.println(Files.readString(out.resolve("verify.log")));
            report = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            // events arrive in order: once the marker's tag event is here, every create before it is too
            runtime.client().tagImageCmd(runtime.imageReference(), "oomlab-marker", job).exec();
            assertThat(markerSeen.await(1, TimeUnit.MINUTES)).as("the marker's tag event arrived").isTrue();
        } finally {
            events.close();
            try {
                runtime.client().removeImageCmd(marker).withNoPrune(true).exec();
            } catch (NotFoundException notTagged) {
                // verify failed before the marker was set: nothing to remove
            }
        }
    }

    @Test
    void theStudyReproducesAndEveryNotebookRunsClean() {
        assertThat(exit).as("verify's exit status (0: every observation as the seed's, every notebook clean); "
                + "its log is printed above").isZero();
    }

    @Test
    void resultsJsonListsEveryContainerTheEngineCreatedOnceEach() {
        List<String> listed = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (JsonNode c : report.path("containers")) {
            assertThat(c.path("host").asText()).isNotBlank();
            assertThat(c.path("scenarioKey").asText()).isNotBlank();
            assertThat(c.path("durationSeconds").asDouble()).isPositive();
            listed.add(c.path("container").asText());
            runs.add(c.path("host").asText() + "\n" + c.path("scenarioKey").asText());
        }
        assertThat(runs).as("no scenario ran twice on a host").doesNotHaveDuplicates();
        assertThat(listed).isNotEmpty().doesNotHaveDuplicates();
        assertThat(created).as("containers the engine saw created with label %s=%s", DockerRuntime.LABEL_JOB, job)
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void everyNotebookIsInTheReportWithItsCharts() throws Exception {
        List<Path> sources;
        try (Stream<Path> s = Files.list(ROOT.resolve("notebooks"))) {
            sources = s.filter(p -> p.toString().endsWith(".ipynb")).toList();
        }
        List<Path> vmNotebooks = sources.stream()
                .filter(nb -> dev.oomlab.notebook.Notebooks.needs(nb).contains(VerifyNotebooks.NEEDS_VM_HOST)).toList();
        assertThat(vmNotebooks).as("the notebooks of the VM host (HostsCliIT executes them on it)").isNotEmpty();
        for (Path nb : vmNotebooks) {
            assertThat(out.resolve("notebooks").resolve(nb.getFileName())).as("verify on this host only skips %s", nb)
                    .doesNotExist();
        }
        for (Path nb : sources.stream().filter(nb -> !vmNotebooks.contains(nb)).toList()) {
            String name = nb.getFileName().toString().replace(".ipynb", "");
            Path html = out.resolve("notebooks").resolve(name + ".html");
            assertThat(html).as("%s executed into the report", name).isRegularFile();
            assertThat(Files.readString(html)).as("%s's HTML holds a chart", name).contains("data:image/png;base64,");
        }
    }
}
