package dev.oomlab.host.vm;

import dev.oomlab.runtime.Owner;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running VM leaves on disk so that another process (the CLI, or the next lab after a
 * crash) can find it and stop it: qemu's pid and start time (a pid alone may be reused), the
 * forwarded port, the owning process, and the per-boot dir to remove.
 */
public record VmState(String name, long qemuPid, long qemuStartMillis, int port, String owner,
        Path runDir, Path log, long memoryBytes, long swapBytes) {

    /** A state without its swap recorded (-1: unknown). */
    public VmState(String name, long qemuPid, long qemuStartMillis, int port, String owner, Path runDir, Path log,
            long memoryBytes) {
        this(name, qemuPid, qemuStartMillis, port, owner, runDir, log, memoryBytes, -1);
    }

    /** The owner of a VM started by {@code host start}: no process, it runs until {@code host stop}. */
    public static final String DETACHED = "detached";

    public URI dockerHost() {
        return URI.create("tcp://127.0.0.1:" + port);
    }

    /** qemu with this pid and this start time still runs. */
    public boolean qemuAlive() {
        return qemuProcess().isPresent();
    }

    Optional<ProcessHandle> qemuProcess() {
        return ProcessHandle.of(qemuPid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(Instant::toEpochMilli)
                        .map(s -> Math.abs(s - qemuStartMillis) < 2_000).orElse(false));
    }

    /** The lab that started it is gone (crashed or killed): the VM is a leftover. */
    public boolean orphaned() {
        if (DETACHED.equals(owner)) {
            return false;
        }
        return Owner.parse(owner).map(o -> !o.isAliveHere()).orElse(true);
    }

    /** Started by {@code host start}: it outlives the process that booted it. */
    public boolean detached() {
        return DETACHED.equals(owner);
    }

    /**
     * Guest memory this VM may still take from the host: qemu touches guest RAM lazily, so what
     * it has not touched yet is not missing from MemAvailable, though the guest may claim it.
     */
    public long untouchedMemoryBytes() {
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(qemuPid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return rss < 0 ? 0 : Math.max(0, memoryBytes - rss);
    }

    static Path file(Path stateDir, String name) {
        return stateDir.resolve(name + ".properties");
    }

    void write(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("qemu.pid", Long.toString(qemuPid));
        p.setProperty("qemu.start", Long.toString(qemuStartMillis));
        p.setProperty("port", Integer.toString(port));
        p.setProperty("owner", owner);
        p.setProperty("run.dir", runDir.toString());
        p.setProperty("log", log.toString());
        p.setProperty("docker.host", dockerHost().toString());
        p.setProperty("memory.bytes", Long.toString(memoryBytes));
        p.setProperty("swap.bytes", Long.toString(swapBytes));
        Path target = file(stateDir, name);
        Path tmp = Files.createTempFile(stateDir, "." + name, ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "oomlab VM host");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Optional<VmState> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return Optional.of(new VmState(p.getProperty("name"), Long.parseLong(p.getProperty("qemu.pid")),
                    Long.parseLong(p.getProperty("qemu.start")), Integer.parseInt(p.getProperty("port")),
                    p.getProperty("owner", ""), Path.of(p.getProperty("run.dir")), Path.of(p.getProperty("log")),
                    Long.parseLong(p.getProperty("memory.bytes", "0")),
                    Long.parseLong(p.getProperty("swap.bytes", "-1"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
