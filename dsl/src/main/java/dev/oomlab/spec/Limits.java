package dev.oomlab.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The container's limits, named as the Docker flags that set them. Immutable: each wither
 * checks its one field and returns a copy, so a bad value fails where it is written.
 *
 * @param memory            {@code --memory}, null until set (a run refuses a scenario without one)
 * @param memorySwap        {@code --memory-swap} as given, null when absent (then it equals memory: no swap)
 * @param shm               what backs /dev/shm
 * @param oomKillDisable    {@code --oom-kill-disable}
 * @param memoryReservation {@code --memory-reservation}, null when absent
 * @param oomScoreAdj       {@code --oom-score-adj}, null when absent
 * @param ipc               {@code --ipc}, null for Docker's default
 * @param timeout           how long a run may take before it is stopped
 * @param kernelMemory      {@code --kernel-memory}, null when absent (deprecated by Docker; see E21)
 * @param cgroupV2          the cgroup v2 files Docker has no flag for, which the lab writes itself
 */
public record Limits(Size memory, Size memorySwap, ShmMount shm, boolean oomKillDisable, Size memoryReservation,
                     Integer oomScoreAdj, String ipc, Duration timeout, Size kernelMemory, CgroupV2 cgroupV2) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern IPC = Pattern.compile("private|shareable|host|none|container:[A-Za-z0-9_.-]+");

    public Limits {
        Objects.requireNonNull(shm, "shm");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cgroupV2, "cgroupV2");
        if (oomScoreAdj != null && (oomScoreAdj < -1000 || oomScoreAdj > 1000)) {
            throw new IllegalArgumentException("oomScoreAdj: " + oomScoreAdj
                    + " is out of range (expected -1000 to 1000)");
        }
        if (ipc != null && !IPC.matcher(ipc).matches()) {
            throw new IllegalArgumentException("ipc: invalid mode \"" + ipc
                    + "\" (expected private, shareable, host, none or container:NAME)");
        }
    }

    /** No limit set, Docker's default /dev/shm, the default timeout. */
    public static Limits none() {
        return new Copy().build();
    }

    public Limits withMemory(Size size) {
        return copy(c -> c.memory = size);
    }

    public Limits withMemorySwap(Size size) {
        return copy(c -> c.memorySwap = size);
    }

    public Limits withShm(ShmMount mount) {
        return copy(c -> c.shm = mount);
    }

    public Limits withOomKillDisable(boolean disable) {
        return copy(c -> c.oomKillDisable = disable);
    }

    public Limits withMemoryReservation(Size size) {
        return copy(c -> c.memoryReservation = size);
    }

    public Limits withOomScoreAdj(Integer adj) {
        return copy(c -> c.oomScoreAdj = adj);
    }

    public Limits withIpc(String mode) {
        if (mode == null) {
            throw new IllegalArgumentException("ipc: invalid mode \"null\" "
                    + "(expected private, shareable, host, none or container:NAME)");
        }
        return copy(c -> c.ipc = mode);
    }

    public Limits withTimeout(Duration newTimeout) {
        return copy(c -> c.timeout = newTimeout);
    }

    public Limits withKernelMemory(Size size) {
        return copy(c -> c.kernelMemory = size);
    }

    /** The cgroup v2 files the lab sets itself (memory.high, memory.min, memory.low, memory.oom.group). */
    public Limits withCgroupV2(CgroupV2 settings) {
        return copy(c -> c.cgroupV2 = settings);
    }

    /** One mutable copy of every field, so that each wither names only the field it changes. */
    private static final class Copy {
        Size memory;
        Size memorySwap;
        ShmMount shm = new ShmMount.DockerDefault();
        boolean oomKillDisable;
        Size memoryReservation;
        Integer oomScoreAdj;
        String ipc;
        Duration timeout = DEFAULT_TIMEOUT;
        Size kernelMemory;
        CgroupV2 cgroupV2 = CgroupV2.NONE;

        Limits build() {
            return new Limits(memory, memorySwap, shm, oomKillDisable, memoryReservation, oomScoreAdj, ipc, timeout,
                    kernelMemory, cgroupV2);
        }
    }

    private Limits copy(java.util.function.Consumer<Copy> change) {
        Copy c = new Copy();
        c.memory = memory;
        c.memorySwap = memorySwap;
        c.shm = shm;
        c.oomKillDisable = oomKillDisable;
        c.memoryReservation = memoryReservation;
        c.oomScoreAdj = oomScoreAdj;
        c.ipc = ipc;
        c.timeout = timeout;
        c.kernelMemory = kernelMemory;
        c.cgroupV2 = cgroupV2;
        change.accept(c);
        return c.build();
    }

    /** The effective memory+swap: absent means equal to memory. */
    public Size effectiveMemorySwap() {
        return memorySwap != null ? memorySwap : memory;
    }

    /** Checks what only makes sense as a whole; throws naming the field and value. */
    public Limits validate() {
        if (memory == null) {
            throw new IllegalArgumentException(
                    "memory: no memory limit set (a scenario without one could exhaust the host)");
        }
        if (memorySwap != null && memorySwap.compareTo(memory) < 0) {
            throw new IllegalArgumentException("memorySwap: \"" + memorySwap + "\" is below memory \"" + memory
                    + "\" (it counts memory plus swap)");
        }
        if (memoryReservation != null && memoryReservation.compareTo(memory) > 0) {
            throw new IllegalArgumentException("memoryReservation: \"" + memoryReservation
                    + "\" is above memory \"" + memory + "\" (a soft limit must be below the hard one)");
        }
        cgroupV2.checkAgainst(memory, memoryReservation);
        return this;
    }

    /** What a container with these limits may take from its host: memory, or memory+swap where larger. */
    public long reserveBytes() {
        return Math.max(memory.bytes(), effectiveMemorySwap().bytes());
    }

    /** "memory 2g, shm 1g" and the other limits that are set. */
    public String text() {
        StringJoiner j = new StringJoiner(", ");
        j.add("memory " + (memory == null ? "unset" : memory));
        if (memorySwap != null) {
            j.add("memory-swap " + memorySwap);
        }
        j.add("shm " + shm.describe());
        if (oomKillDisable) {
            j.add("oom-kill-disable");
        }
        if (memoryReservation != null) {
            j.add("reservation " + memoryReservation);
        }
        if (oomScoreAdj != null) {
            j.add("oom-score-adj " + oomScoreAdj);
        }
        if (ipc != null) {
            j.add("ipc " + ipc);
        }
        if (kernelMemory != null) {
            j.add("kernel-memory " + kernelMemory);
        }
        if (!cgroupV2.isEmpty()) {
            j.add(cgroupV2.text());
        }
        return j.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
