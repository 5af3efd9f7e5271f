package dev.oomlab.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.host.vm.VmConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code Hosts.vm()}: every bad value fails naming the field and the value, before qemu starts. */
class VmHostBuilderTest {

    @Test
    void readsAsTheIssueWritesItAndMeansWhatTheVmConfigMeans() {
        // what each value means (sizes, defaults) is VmConfigTest's; here: every setting reaches the config
        assertThat(Hosts.vm().name("h").memory("6g").swap("1g").cpus(3).bootTimeout(Duration.ofMinutes(2)).config())
                .isEqualTo(VmConfig.builder().name("h").memory("6g").swap("1g").cpus(3)
                        .bootTimeout(Duration.ofMinutes(2)).build());
        assertThat(Hosts.vm().config()).isEqualTo(VmConfig.builder().build());
    }

    @Test
    void badInputNamesTheFieldAndTheValueBeforeAnythingBoots() {
        assertThatThrownBy(() -> Hosts.vm().memory("6q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("memory: invalid size \"6q\"");
        assertThatThrownBy(() -> Hosts.vm().swap("-1g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("swap:");
        assertThatThrownBy(() -> Hosts.vm().cpus(0).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cpus: must be between 1 and 64, got 0");
        assertThatThrownBy(() -> Hosts.vm().name("My VM").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: invalid VM name \"My VM\"");
        assertThatThrownBy(() -> Hosts.vm().memory("100m").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("memory: 100m is too small");
    }
}
