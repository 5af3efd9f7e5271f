package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostChoiceTest {

    @Test
    void localVmAndAddressesInTheOrderGiven() {
        assertThat(HostChoice.parseAll(List.of("local", "vm", "tcp://10.0.0.5:2376")))
                .extracting(HostChoice::kind)
                .containsExactly(HostChoice.Kind.LOCAL, HostChoice.Kind.VM, HostChoice.Kind.DOCKER);
    }

    @Test
    void onlyThisMachineIsVerifyAsBefore() {
        assertThat(HostChoice.parseAll(List.of("local"))).isEmpty();
        assertThat(HostChoice.parseAll(List.of())).isEmpty();
    }

    @Test
    void anUnknownOrRepeatedHostIsNamedBeforeAnythingStarts() {
        assertThatThrownBy(() -> HostChoice.parseAll(List.of("local", "prod")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hosts: unknown host \"prod\" (expected local, vm, or a Docker address");
        assertThatThrownBy(() -> HostChoice.parseAll(List.of("vm", "VM")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hosts: \"VM\" is named twice");
    }

    @Test
    void hostCommandsStartAndStopVmsOnly() {
        assertThatThrownBy(() -> HostCommand.requireVm("kvm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host: the lab can start and stop \"vm\" hosts, got \"kvm\"");
    }
}
