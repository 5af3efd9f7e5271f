package dev.oomlab.host.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.spec.Size;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VmConfigTest {

    @Test
    void builderParsesSizesAndKeepsDefaults() {
        VmConfig c = VmConfig.builder().memory("6g").swap("1g").cpus(2).build();
        assertThat(c.memory()).isEqualTo(Size.ofMib(6144));
        assertThat(c.swap()).contains(Size.ofMib(1024));
        assertThat(c.hasSwap()).isTrue();
        assertThat(c.name()).isEqualTo("vm");
        assertThat(VmConfig.builder().swap("0").build().hasSwap()).isFalse();
        assertThat(c.toBuilder().cpus(4).build()).isEqualTo(VmConfig.builder().memory("6g").swap("1g").cpus(4).build());
    }

    @Test
    void badValuesNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> VmConfig.builder().memory("2x"))
                .hasMessage("memory: invalid size \"2x\" (expected a number with b, k, m or g)");
        assertThatThrownBy(() -> VmConfig.builder().swap("lots"))
                .hasMessageStartingWith("swap: invalid size \"lots\"");
        assertThatThrownBy(() -> VmConfig.builder().cpus(0).build())
                .hasMessage("cpus: must be between 1 and 64, got 0");
        assertThatThrownBy(() -> VmConfig.builder().memory("256m").build())
                .hasMessage("memory: 256m is too small for a VM host (at least 512m: the guest runs dockerd)");
        assertThatThrownBy(() -> VmConfig.builder().name("My VM").build())
                .hasMessageStartingWith("name: invalid VM name \"My VM\"");
    }

    @Test
    void refusesMoreMemoryThanTheHostHas() {
        VmConfig c = VmConfig.builder().memory("6g").build();
        long eightGib = 8L << 30;
        QemuVm.checkMemory(c, eightGib); // 8 GiB - 1 GiB - 256 MiB leaves room for 6 GiB
        assertThatThrownBy(() -> QemuVm.checkMemory(c, 7L << 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory: 6g is more than this host can give a VM (7g available, less 1g for the host and 256m for qemu, leaves 5888m)");
    }

    @Test
    void qemuForwardsDockerToLoopbackOnlyAndNeverWritesTheImage() {
        VmConfig c = VmConfig.builder().name("t").memory("2g").cpus(2).build();
        VmImage image = new VmImage(Path.of("/cache/vm/k"), java.util.Map.of());
        List<String> cmd = QemuCommand.build("qemu", c, image, Accelerator.TCG, 40000, Optional.of(Path.of("/r/swap.img")));
        String line = String.join(" ", cmd);
        assertThat(line).contains("hostfwd=tcp:127.0.0.1:40000-:2375", "restrict=on",
                "file=/cache/vm/k/rootfs.img,format=raw,if=virtio,snapshot=on", "file=/r/swap.img",
                "-accel tcg", "-m 2048M", "-smp 2", "-no-reboot");
        String append = cmd.get(cmd.indexOf("-append") + 1);
        assertThat(append).contains("cgroup_no_v1=all", "systemd.unified_cgroup_hierarchy=1", "psi=1",
                "init=/sbin/oomlab-init", "oomlab.swap=1");
        assertThat(QemuCommand.kernelArgs(false)).contains("oomlab.swap=0");
    }
}
