package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example script runs against the real engine and reports the seed's outcomes. */
class TourScriptIT {

    @Test
    void theTourRunsAndShowsTheOutcomes() throws Exception {
        String script = Files.readString(Path.of("..", "examples", "tour.jsh"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ScriptRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("tour.jsh", script);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(printed).contains("shm 800 + ram 1300 -> OOM")
                .contains("outcome: OK")
                .contains("shm 300 -> SIGBUS (exit 135")
                .contains("shm 100 -> SIGBUS (exit 135")
                .contains("1500 MiB file -> OK (exit 0");
    }
}
