package dev.oomlab.host.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The VMs recorded in a state dir: listed, stopped by name (for the CLI), and reaped when the
 * lab that started them is gone. Stopping kills qemu (only when its pid and start time still
 * match), removes its per-boot dir and its state file.
 */
public final class VmRegistry {

    private final Path stateDir;

    public VmRegistry(Path stateDir) {
        this.stateDir = stateDir;
    }

    public static VmRegistry of(VmConfig config) {
        return new VmRegistry(config.stateDir());
    }

    public List<VmState> list() {
        if (!Files.isDirectory(stateDir)) {
            return List.of();
        }
        List<VmState> states = new ArrayList<>();
        try (Stream<Path> files = Files.list(stateDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".properties"))
                    .sorted()
                    .forEach(f -> VmState.read(f).ifPresent(states::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(states);
    }

    public Optional<VmState> find(String name) {
        return VmState.read(VmState.file(stateDir, name));
    }

    /** Stops every VM whose owner is gone, and forgets those whose qemu already ended. */
    public List<VmState> reapStale() {
        List<VmState> reaped = new ArrayList<>();
        for (VmState s : list()) {
            if (s.orphaned() || !s.qemuAlive()) {
                stop(s);
                reaped.add(s);
            }
        }
        return reaped;
    }

    /** Stops the VM of that name, whoever started it; false when none is recorded. */
    public boolean stop(String name) {
        Optional<VmState> s = find(name);
        s.ifPresent(this::stop);
        return s.isPresent();
    }

    void stop(VmState s) {
        s.qemuProcess().ifPresent(VmRegistry::kill);
        deleteTree(s.runDir());
        try {
            Files.deleteIfExists(VmState.file(stateDir, s.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM (qemu exits at once on it), then SIGKILL if it lingers. */
    static void kill(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's checks: a qemu that survives SIGKILL is beyond us
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException ignored) {
                    // already gone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
