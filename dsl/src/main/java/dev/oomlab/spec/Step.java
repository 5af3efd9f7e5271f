package dev.oomlab.spec;

import java.time.Duration;

/** One thing the probe does inside the container, in order. */
public sealed interface Step permits Step.AllocShm, Step.AllocRam, Step.FreeShm, Step.WriteFile, Step.Sleep,
        Step.StatFs, Step.UntilKilled, Step.BurnCpu, Step.Hold, Step.ReadFile, Step.Sync, Step.Signal, Step.Await {

    /** The probe's argument for this step (see probe.c). */
    String probeArg();

    /** Bytes this step touches; most steps touch nothing. */
    default long targetBytes() {
        return 0;
    }

    /** A short human label: "shm 800", "ram 1300", "free shm". */
    String label();

    /** True for a step that maps shm (a /dev/shm file), false for anonymous RAM or anything else. */
    default boolean allocatesShm() {
        return this instanceof AllocShm || this instanceof UntilKilled u && u.shm();
    }

    /** True for a step that maps anonymous RAM. */
    default boolean allocatesRam() {
        return this instanceof AllocRam || this instanceof UntilKilled u && !u.shm();
    }

    /** Create a file in /dev/shm, size it, map it shared and write one byte per page. */
    record AllocShm(int mib, String segment) implements Step {
        public AllocShm {
            Size.mib("allocShm", mib);
            if (segment != null && !segment.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("allocShm: invalid segment name \"" + segment
                        + "\" (expected 1-64 letters, digits, '.', '_' or '-')");
            }
        }

        public AllocShm(int mib) {
            this(mib, null);
        }

        @Override
        public String probeArg() {
            return segment == null ? "shm:" + mib : "shm:" + mib + ":" + segment;
        }

        @Override
        public long targetBytes() {
            return mib * Size.MIB;
        }

        @Override
        public String label() {
            return "shm " + mib;
        }
    }

    /** Map anonymous memory and write one byte per page. */
    record AllocRam(int mib) implements Step {
        public AllocRam {
            Size.mib("allocRam", mib);
        }

        @Override
        public String probeArg() {
            return "ram:" + mib;
        }

        @Override
        public long targetBytes() {
            return mib * Size.MIB;
        }

        @Override
        public String label() {
            return "ram " + mib;
        }
    }

    /** munmap and unlink every shm segment so far: unlink alone frees nothing while mapped. */
    record FreeShm() implements Step {
        @Override
        public String probeArg() {
            return "freeshm";
        }


        @Override
        public String label() {
            return "free shm";
        }
    }

    /** Write a file on a disk-backed scratch volume: page cache, not tmpfs. */
    record WriteFile(int mib) implements Step {
        public WriteFile {
            Size.mib("writeFile", mib);
        }

        @Override
        public String probeArg() {
            return "file:" + mib;
        }

        @Override
        public long targetBytes() {
            return mib * Size.MIB;
        }

        @Override
        public String label() {
            return "file " + mib;
        }
    }

    /**
     * Clean page cache: a file written, synced, dropped from the cache and read back whole, so the
     * pages it leaves in the cache are clean ({@link WriteFile} leaves dirty pages until written back).
     */
    record ReadFile(int mib) implements Step {
        public ReadFile {
            Size.mib("readFile", mib);
        }

        @Override
        public String probeArg() {
            return "read:" + mib;
        }

        @Override
        public long targetBytes() {
            return mib * Size.MIB;
        }

        @Override
        public String label() {
            return "read file " + mib;
        }
    }

    /** sync(2): every dirty page written back, so what {@link WriteFile} left dirty becomes clean cache. */
    record Sync() implements Step {
        @Override
        public String probeArg() {
            return "sync";
        }


        @Override
        public String label() {
            return "sync";
        }
    }

    /**
     * Tell a container waiting in {@link Await} that this one got here: a file named for the signal
     * in /dev/shm, which containers sharing one IPC namespace see alike.
     */
    record Signal(String name) implements Step {
        public Signal {
            signalName("signal", name);
        }

        @Override
        public String probeArg() {
            return "signal:" + name;
        }

        @Override
        public String label() {
            return "signal " + name;
        }
    }

    /**
     * Wait until another container sharing this one's IPC namespace, or another process of this
     * container, gives the {@link Signal} of this name, at most {@code max}; then go on either way
     * (the step's line says how long it waited).
     */
    record Await(String name, Duration max) implements Step {
        /** The longest wait when none is given: longer than any step of a scenario on a slow host. */
        public static final Duration DEFAULT_MAX = Duration.ofSeconds(120);

        public Await(String name) {
            this(name, DEFAULT_MAX);
        }

        public Await {
            signalName("await", name);
            if (max == null || max.isNegative() || max.isZero()) {
                throw new IllegalArgumentException("await: the longest wait must be positive, got " + max);
            }
        }

        @Override
        public String probeArg() {
            return "await:" + name + ":" + max.toMillis();
        }

        @Override
        public String label() {
            return "await " + name;
        }
    }

    private static void signalName(String field, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(field + ": invalid signal name \"" + name
                    + "\" (expected 1-64 letters, digits, '.', '_' or '-')");
        }
    }

    /** Hold what is allocated for a while. */
    record Sleep(Duration duration) implements Step {
        public Sleep {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("sleep: duration must be positive, got " + duration);
            }
        }

        @Override
        public String probeArg() {
            return "sleep:" + duration.toMillis();
        }


        @Override
        public String label() {
            return "sleep " + Durations.format(duration);
        }
    }

    /**
     * Ask the kernel what a filesystem says its size is ({@code statfs}, what {@code df} shows):
     * the probe reports f_blocks × f_bsize and f_bavail × f_bsize on a line of its own.
     */
    record StatFs(String path) implements Step {
        public StatFs {
            if (path == null || !path.matches("/[A-Za-z0-9._/-]{0,200}") || path.contains("..")) {
                throw new IllegalArgumentException("statfs: invalid path \"" + path
                        + "\" (expected an absolute path of letters, digits, '.', '_', '-' and '/')");
            }
        }

        @Override
        public String probeArg() {
            return "statfs:" + path;
        }


        @Override
        public String label() {
            return "statfs " + path;
        }
    }

    /**
     * RAM (or shm) touched page by page up to a ceiling, meant to be killed on the way: the
     * probe's supervisor then reports how many pages the worker touched ({@code Result.touchedBytes}).
     * One run finds where the limit bites, to the page; a boundary search confirms it.
     */
    record UntilKilled(boolean shm, int ceilingMib) implements Step {
        public UntilKilled {
            Size.mib(shm ? "allocShmUntilKilled" : "allocRamUntilKilled", ceilingMib);
        }

        public static UntilKilled ram(int ceilingMib) {
            return new UntilKilled(false, ceilingMib);
        }

        public static UntilKilled shm(int ceilingMib) {
            return new UntilKilled(true, ceilingMib);
        }

        @Override
        public String probeArg() {
            return (shm ? "shm" : "ram") + "-until-killed:" + ceilingMib;
        }

        @Override
        public long targetBytes() {
            return ceilingMib * Size.MIB;
        }

        @Override
        public String label() {
            return (shm ? "shm" : "ram") + " until killed (at most " + ceilingMib + ")";
        }
    }

    /**
     * Spend this much CPU time in a busy loop (the process's own CPU clock, not the wall clock):
     * the OOM killer's formula before Linux 2.6.36 divided a task's badness by its CPU time.
     */
    record BurnCpu(Duration cpuTime) implements Step {
        public BurnCpu {
            if (cpuTime == null || cpuTime.isNegative() || cpuTime.isZero()) {
                throw new IllegalArgumentException("burnCpu: duration must be positive, got " + cpuTime);
            }
        }

        @Override
        public String probeArg() {
            return "spin:" + cpuTime.toMillis();
        }


        @Override
        public String label() {
            return "burn cpu " + Durations.format(cpuTime);
        }
    }

    /**
     * Keep what is allocated until the run ends: the last step of a process. In a scenario of
     * several processes the run ends when every process has ended or holds.
     */
    record Hold() implements Step {
        @Override
        public String probeArg() {
            return "hold";
        }


        @Override
        public String label() {
            return "hold";
        }
    }
}
