package dev.oomlab.host.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No qemu, overlay or temp file is left when a boot is interrupted, nor when the lab that started
 * a VM is killed outright: the kernel kills qemu with its parent (setpriv --pdeathsig) and the
 * next start reaps the per-boot dir and state file. Both cut the boot early, when qemu runs.
 */
class VmHostCleanupIT {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @BeforeAll
    static void needsQemu() {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(QemuVm.findOnPath("qemu-system-x86_64").isPresent()
                    && "root".equals(System.getProperty("user.name")), "needs qemu-system-x86_64 and root");
        }
        VmImage.ensure(VmConfig.builder().build()); // a cold build is not part of what is timed here
    }

    @Test
    void anInterruptedBootLeavesNothing() throws Exception {
        VmConfig config = VmConfig.builder().name("it-interrupt").memory("1g").cpus(1).swap("256m").build();
        Path stateFile = VmState.file(config.stateDir(), config.name());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread lab = new Thread(() -> {
            try {
                QemuVm.start(config).close();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        lab.start();
        VmState state = await("a state file", () -> VmState.read(stateFile));
        await("qemu running", () -> state.qemuProcess());
        lab.interrupt();
        lab.join(DEADLINE.toMillis());

        assertThat(thrown.get()).isInstanceOf(VmException.class)
                .hasMessage("VM 'it-interrupt' boot was interrupted; it is stopped");
        assertThat(state.qemuAlive()).isFalse();
        assertThat(config.runDir()).doesNotExist();
        assertThat(stateFile).doesNotExist();
    }

    @Test
    void aVmOfAKilledLabDiesWithItAndIsReapedAtTheNextStart() throws Exception {
        VmConfig config = VmConfig.builder().name("it-crash").memory("1g").cpus(1).build();
        Path stateFile = VmState.file(config.stateDir(), config.name());
        String java = ProcessHandle.current().info().command().orElse("java");
        Process lab = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingLab.class.getName(), config.name()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            VmState state = await("a state file", () -> VmState.read(stateFile));
            ProcessHandle qemu = await("qemu running", state::qemuProcess);
            lab.destroyForcibly(); // SIGKILL: no shutdown hook runs
            lab.waitFor();
            qemu.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(qemu.isAlive()).as("qemu dies with the JVM that started it").isFalse();
            assertThat(stateFile).as("left for the next start").exists();

            VmRegistry registry = VmRegistry.of(config);
            assertThat(registry.reapStale()).extracting(VmState::name).contains("it-crash");
            assertThat(stateFile).doesNotExist();
            assertThat(config.runDir()).doesNotExist();
        } finally {
            lab.destroyForcibly();
            VmRegistry.of(config).stop(config.name());
        }
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(50); // a poll interval, not a wait for something to happen
        }
        throw new AssertionError("no " + what + " within " + DEADLINE);
    }

}
