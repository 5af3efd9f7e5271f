package dev.oomlab.spec;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.probe.ProbeCommand;
import org.junit.jupiter.api.Test;

class CgroupV2Test {

    @Test
    void theFilesAreWrittenProtectionFirstAndTheParentBeforeTheContainer() {
        var s = scenario().memory("1g").memoryHigh("800m").memoryLow("300m").memoryMin("200m").oomGroup()
                .parentProtected().allocRam(10).spec();
        assertThat(s.limits().cgroupV2().files()).containsExactly(
                java.util.Map.entry("../memory.min", "209715200"), java.util.Map.entry("../memory.low", "314572800"),
                java.util.Map.entry("memory.min", "209715200"), java.util.Map.entry("memory.low", "314572800"),
                java.util.Map.entry("memory.high", "838860800"), java.util.Map.entry("memory.oom.group", "1"));
        assertThat(ProbeCommand.argv(s)).containsSubsequence("--cg-set=../memory.min=209715200",
                "--cg-set=memory.oom.group=1", "ram:10");
        assertThat(s.limits().text()).contains("memory.high 800m", "memory.oom.group 1",
                "under /oomlab-protected with the same protection");
    }

    @Test
    void aScenarioWithoutThemAsksTheProbeForNothingNew() {
        var s = scenario().memory("1g").allocRam(10).spec();
        assertThat(s.limits().cgroupV2().isEmpty()).isTrue();
        assertThat(ProbeCommand.argv(s)).noneMatch(a -> a.startsWith("--cg-set"));
    }

    @Test
    void aSettingThatCannotActIsRefusedNamingItsField() {
        assertThatThrownBy(() -> scenario().memory("512m").memoryHigh("600m").allocRam(1).validate())
                .hasMessageContaining("memoryHigh: \"600m\" is above memory \"512m\"");
        assertThatThrownBy(() -> scenario().memory("512m").memoryLow("100m").memoryReservation("100m").allocRam(1).validate())
                .hasMessageContaining("memoryLow").hasMessageContaining("memory-reservation");
        assertThatThrownBy(() -> scenario().memory("512m").parentProtected().allocRam(1).validate())
                .hasMessageContaining("parentProtected");
        assertThatThrownBy(() -> scenario().memory("512m").memoryMin("300m").memoryLow("200m").allocRam(1).validate())
                .hasMessageContaining("memoryMin: \"300m\" is above memoryLow \"200m\"");
        assertThatThrownBy(() -> scenario().memoryHigh("lots"))
                .hasMessageContaining("memoryHigh");
    }
}
