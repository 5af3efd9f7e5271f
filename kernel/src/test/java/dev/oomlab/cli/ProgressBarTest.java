package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.suite.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aPipeHearsWhatStillRunsAfterAQuietSpellAndNothingOnceItEnded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                java.time.Duration.ZERO, false);
        bar.phase("hypotheses");
        var vm = bar.onHost("vm");
        vm.started(new Progress(0, "E16: a: memory.min", 1, 0, 1, 0, 0));
        bar.tick();
        vm.finished(new Progress(0, "E16: a: memory.min", 0, 1, 1, 0, 0), "x");
        bar.tick();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("hypotheses ")
                        .contains("still running: vm: E16: a: memory.min (for 0:00)"))
                .satisfies(lines -> assertThat(lines.get(1)).startsWith("hypotheses 1/1 ")
                        .endsWith("vm: E16: a: memory.min"));
    }

    @Test
    void hostsRunningAtOnceCountOnOneBarAndEachLineNamesItsHost() {
        // a host's runs join the total when its first one ends (the VM's start later than local's)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.phase("hypotheses");
        var local = bar.onHost("local");
        var vm = bar.onHost("vm");
        local.finished(new Progress(0, "H1 a", 1, 1, 2, 0, 1L << 30), "x");
        vm.finished(new Progress(0, "H1 a", 1, 1, 3, 0, 1L << 30), "x");
        vm.finished(new Progress(1, "H1 b", 0, 2, 3, 0, 1L << 30), "x");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("hypotheses 1/2 ").contains("local: H1 a"))
                .satisfies(lines -> assertThat(lines.get(1)).startsWith("hypotheses 2/5 ").contains("vm: H1 a"))
                .satisfies(lines -> assertThat(lines.get(2)).startsWith("hypotheses 3/5 ").contains("vm: H1 b"));
    }
}
