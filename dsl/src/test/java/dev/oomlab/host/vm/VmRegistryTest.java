package dev.oomlab.host.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.runtime.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A VM left by a crashed lab, played by a sleep process: found, stopped and its files removed. */
class VmRegistryTest {

    @TempDir
    Path tmp;

    @Test
    void stateRoundTrips() throws Exception {
        VmState s = new VmState("vm", 123, 456, 40000, "h/1/2", tmp.resolve("run"), tmp.resolve("vm.log"), 1L << 30);
        s.write(tmp);
        assertThat(VmState.read(VmState.file(tmp, "vm"))).contains(s);
        assertThat(s.dockerHost()).hasToString("tcp://127.0.0.1:40000");
    }

    @Test
    void reapsAVmWhoseOwnerIsGoneAndKeepsALiveOnesVm() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Process mine = new ProcessBuilder("sleep", "300").start();
        try {
            Path state = tmp.resolve("state");
            Path orphanRun = Files.createDirectories(tmp.resolve("run-a"));
            Files.writeString(orphanRun.resolve("swap.img"), "x");
            Path mineRun = Files.createDirectories(tmp.resolve("run-b"));
            Owner dead = new Owner(Owner.current().host(), Long.MAX_VALUE / 2, 1);
            new VmState("a", orphan.pid(), startOf(orphan), 1, dead.label(), orphanRun, tmp.resolve("a.log"), 0).write(state);
            new VmState("b", mine.pid(), startOf(mine), 2, Owner.current().label(), mineRun, tmp.resolve("b.log"), 0)
                    .write(state);
            VmRegistry registry = new VmRegistry(state);

            assertThat(registry.reapStale()).extracting(VmState::name).containsExactly("a");

            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(orphanRun).doesNotExist();
            assertThat(registry.list()).extracting(VmState::name).containsExactly("b");
            assertThat(mine.isAlive()).isTrue();
            assertThat(registry.stop("b")).isTrue();
            assertThat(mine.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(mineRun).doesNotExist();
            assertThat(registry.list()).isEmpty();
        } finally {
            orphan.destroyForcibly();
            mine.destroyForcibly();
        }
    }

    private static long startOf(Process p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
    }
}
