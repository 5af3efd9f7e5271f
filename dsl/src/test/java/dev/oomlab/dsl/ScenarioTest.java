package dev.oomlab.dsl;

import static dev.oomlab.Oomlab.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.spec.ShmMount;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void isImmutableEveryCallReturnsANewScenario() {
        Scenario base = scenario().memory("2g").shm("1g");
        Scenario a = base.allocShm(800).allocRam(1100);
        Scenario b = base.allocShm(800).allocRam(1300);
        assertThat(base.steps()).isEmpty();
        assertThat(a.steps()).containsExactly(new Step.AllocShm(800), new Step.AllocRam(1100));
        assertThat(b.steps()).containsExactly(new Step.AllocShm(800), new Step.AllocRam(1300));
        assertThat(base.limits().memory()).isEqualTo(Size.parse("memory", "2g"));
    }

    @Test
    void memorySwapDefaultsToMemoryThatIsNoSwap() {
        Scenario s = scenario().memory("1g");
        assertThat(s.limits().effectiveMemorySwap()).isEqualTo(s.limits().memory());
        assertThat(s.limits().memorySwap()).isNull();
    }

    @Test
    void absentShmMeansDockersDefaultOf64Mib() {
        assertThat(scenario().limits().shm()).isInstanceOf(ShmMount.DockerDefault.class);
        assertThat(scenario().limits().shm().sizeLimit()).isEqualTo(Size.ofMib(64));
        assertThat(scenario().tmpfsShm().limits().shm().sizeLimit()).isNull();
        assertThat(scenario().tmpfsShm("256m").limits().shm().sizeLimit()).isEqualTo(Size.ofMib(256));
    }

    @Test
    void badSizesFailAtOnceNamingTheField() {
        assertThatThrownBy(() -> scenario().memory("2x"))
                .hasMessage("memory: invalid size \"2x\" (expected a number with b, k, m or g)");
        assertThatThrownBy(() -> scenario().shm("lots"))
                .hasMessage("shm: invalid size \"lots\" (expected a number with b, k, m or g)");
        assertThatThrownBy(() -> scenario().memory(0))
                .hasMessage("memory: size must be a positive number of MiB, got 0");
        assertThatThrownBy(() -> scenario().allocRam(-1))
                .hasMessage("allocRam: size must be a positive number of MiB, got -1");
        assertThatThrownBy(() -> scenario().allocShm(0))
                .hasMessage("allocShm: size must be a positive number of MiB, got 0");
        assertThatThrownBy(() -> scenario().writeFile(0))
                .hasMessage("writeFile: size must be a positive number of MiB, got 0");
        assertThatThrownBy(() -> scenario().sleep("soon"))
                .hasMessage("sleep: invalid duration \"soon\" (expected a number with ms, s, m or h)");
        assertThatThrownBy(() -> scenario().oomScoreAdj(2000))
                .hasMessage("oomScoreAdj: 2000 is out of range (expected -1000 to 1000)");
        assertThatThrownBy(() -> scenario().ipc("everyone"))
                .hasMessageStartingWith("ipc: invalid mode \"everyone\"");
    }

    @Test
    void freeShmNeedsSomethingToFree() {
        assertThatThrownBy(() -> scenario().memory("1g").freeShm())
                .hasMessage("freeShm: nothing to free (no allocShm since the last freeShm)");
        assertThatThrownBy(() -> scenario().memory("1g").allocShm(10).freeShm().allocRam(5).freeShm())
                .hasMessage("freeShm: nothing to free (no allocShm since the last freeShm)");
        assertThat(scenario().allocShm(10).allocRam(5).freeShm().steps()).hasSize(3);
    }

    @Test
    void aScenarioWithoutAMemoryLimitIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> scenario().allocRam(100).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory: no memory limit set (a scenario without one could exhaust the host)");
    }

    @Test
    void wholeScenarioChecksNameTheField() {
        assertThatThrownBy(() -> scenario().memory("1g").memorySwap("512m").allocRam(1).validate())
                .hasMessageStartingWith("memorySwap: \"512m\" is below memory \"1g\"");
        assertThatThrownBy(() -> scenario().memory("1g").memoryReservation("2g").allocRam(1).validate())
                .hasMessageStartingWith("memoryReservation: \"2g\" is above memory \"1g\"");
        assertThatThrownBy(() -> scenario().memory("1g").validate())
                .hasMessageStartingWith("steps: the scenario has no step");
    }

    @Test
    void describesItselfAsTheSeedDoes() {
        Scenario s = scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300).sleep("1500ms");
        assertThat(s.limitsText()).isEqualTo("memory 2g, shm 1g");
        assertThat(s.stepsText()).isEqualTo("shm 800, then ram 1300, then sleep 1500ms");
        assertThat(s.limits().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void processesTakeTurnsBySignalAndAwaitAsContainersDo() {
        Scenario s = scenario().memory("512m")
                .process("big", p -> p.allocRam(300).signal("big").hold())
                .process("small", p -> p.await("big").allocRam(250).hold());
        assertThat(s.processes().get(0).probeArgs()).containsExactly("proc:big:0", "ram:300", "signal:big", "hold");
        assertThat(s.processes().get(1).probeArgs())
                .containsExactly("proc:small:0", "await:big:120000", "ram:250", "hold");
        assertThat(s.stepsText()).contains("small (oom_score_adj 0): await big, then ram 250, then hold");
        assertThatThrownBy(() -> scenario().process("a", p -> p.await("no spaces")))
                .hasMessage("await: invalid signal name \"no spaces\" (expected 1-64 letters, digits, '.', '_' or '-')");
    }
}
