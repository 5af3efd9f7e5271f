package dev.oomlab.runtime;

import static dev.oomlab.Oomlab.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.probe.ProcessReport;
import dev.oomlab.result.Classifier;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several processes in one container, and a stall under OOM found by the probe itself, on the real
 * engine. Each figure was measured here first (Docker 20.10, cgroup v1, Linux 6.1; probe image run
 * by hand): big 300 holding and small at oom_score_adj 1000 asking 250 under 512m killed small
 * alone (usage 301 MiB after); memory 256m with the killer disabled and ram 400 stalled with
 * under_oom 1 read inside the container.
 */
@ExtendWith(NothingLeftBehind.class)
class ProcessesIT {

    private static Result adjusted;
    private static Result stalled;

    @BeforeAll
    static void runBoth() {
        var a = CompletableFuture.supplyAsync(() -> scenario().memory("512m").timeout("60s")
                .process("big", p -> p.allocRam(300).signal("big").hold())
                .process("small", p -> p.oomScoreAdj(1000).await("big").allocRam(250).hold())
                .run());
        var b = CompletableFuture.supplyAsync(() -> scenario().memory("256m").oomKillDisable().timeout("60s")
                .allocRam(400).run());
        adjusted = a.join();
        stalled = b.join();
        System.out.println(adjusted + "\n\n" + stalled);
    }

    @Test
    void theResultSaysWhichProcessDiedByWhichSignalAndHowFarEachGot() {
        assertThat(adjusted.outcome()).isEqualTo(Outcome.OOM);
        assertThat(adjusted.exitCode()).isEqualTo(137);
        assertThat(adjusted.killedProcesses()).containsExactly("small");
        ProcessReport small = adjusted.process("small").orElseThrow();
        ProcessReport big = adjusted.process("big").orElseThrow();
        assertThat(small.signalName()).isEqualTo("SIGKILL");
        assertThat(small.oomScoreAdj()).isEqualTo(1000);
        assertThat(small.doneMib()).as("killed on its way to 250").isLessThan(250.0);
        assertThat(big.status()).isEqualTo(ProcessReport.HOLDING);
        assertThat(big.doneMib()).isEqualTo(300.0);
        assertThat(big.stepsDone()).as("ram and signal done, hold is its last step and never completes").isEqualTo(2);
        assertThat(small.stepsDone()).as("its await ended (big held 300) before its ram step began").isEqualTo(1);
        // /proc/self/oom_score on its 0-2000 scale: adj 1000 puts small far above big
        assertThat(small.oomScore()).isGreaterThan(1000);
        assertThat(big.oomScore()).isBetween(600L, 1000L);
        assertThat(adjusted.oomKillCount()).isEqualTo(1);
    }

    @Test
    void theProbeFindsTheStallItselfAndStopsItsWorker() {
        assertThat(stalled.outcome()).isEqualTo(Outcome.HUNG);
        assertThat(stalled.exitCode()).isEqualTo(Classifier.EXIT_HUNG);
        assertThat(stalled.detail()).contains("supervisor");
        assertThat(stalled.countersAreFinal()).as("the supervisor wrote its exit line").isTrue();
        assertThat(stalled.exitReport().underOom()).as("the worker is gone: no longer under OOM").isZero();
        assertThat(stalled.duration()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void badProcessesAreRefusedBeforeAnyContainer() {
        assertThatThrownBy(() -> scenario().memory("512m").process("no spaces", p -> p.allocRam(1)))
                .hasMessageContaining("process: invalid name \"no spaces\"");
        assertThatThrownBy(() -> scenario().memory("512m").process("a", p -> p.oomScoreAdj(1001)))
                .hasMessageContaining("oomScoreAdj").hasMessageContaining("1001");
        assertThatThrownBy(() -> scenario().memory("512m").process("a", p -> p.hold().allocRam(1)))
                .hasMessageContaining("hold must be its last step");
        assertThatThrownBy(() -> scenario().memory("512m").allocRam(1).process("a", p -> p.allocRam(1)).run())
                .hasMessageContaining("give them to a process");
        assertThatThrownBy(() -> scenario().memory("512m").process("a", p -> p).run())
                .hasMessageContaining("\"a\" has no step");
    }
}
