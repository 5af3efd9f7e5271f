package dev.oomlab.host.vm;

import dev.oomlab.spec.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a VM host is asked to be: its memory, swap (empty: none), virtual CPUs, name, how long it
 * may take to boot, and where its image cache and state live. Immutable; {@link #builder()}
 * makes one, and every bad value fails at once naming the field and the value.
 *
 * @param cacheDir image cache, run dirs and logs (default {@code $OOMLAB_CACHE} or /var/cache/oomlab)
 * @param stateDir one state file per running VM (default {@code $OOMLAB_STATE/vm} or /run/oomlab/vm)
 * @param imageScript the script that builds or finds the image (bin/lib/vm-image.sh)
 */
public record VmConfig(String name, Size memory, Optional<Size> swap, int cpus, Duration bootTimeout,
        Path cacheDir, Path stateDir, Path imageScript) {

    /**
     * The guest's THP mode, pinned on its kernel command line rather than left to the kernel's
     * build default, so the VM's fingerprint states it and matches this machine's (madvise).
     */
    public static final String GUEST_THP = "madvise";
    static final Size MIN_MEMORY = Size.ofMib(512);
    static final int MAX_CPUS = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    public VmConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(swap, "swap");
        Objects.requireNonNull(bootTimeout, "bootTimeout");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(imageScript, "imageScript");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: invalid VM name \"" + name
                    + "\" (expected lower-case letters, digits and dashes, at most 31)");
        }
        if (memory.compareTo(MIN_MEMORY) < 0) {
            throw new IllegalArgumentException("memory: " + memory + " is too small for a VM host (at least "
                    + MIN_MEMORY + ": the guest runs dockerd)");
        }
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("cpus: must be between 1 and " + MAX_CPUS + ", got " + cpus);
        }
        if (bootTimeout.isNegative() || bootTimeout.isZero()) {
            throw new IllegalArgumentException("bootTimeout: must be positive, got " + bootTimeout);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasSwap() {
        return swap.isPresent();
    }

    /** Per-boot files (the snapshot overlay, the swap disk): removed on stop. */
    Path runDir() {
        return cacheDir.resolve("vm-run").resolve(name);
    }

    /** The serial console of the last boot of this name; kept after stop for a post-mortem. */
    Path logFile() {
        return cacheDir.resolve("vm-logs").resolve(name + ".log");
    }

    public Builder toBuilder() {
        return new Builder().from(this);
    }

    /**
     * The fluent settings of a VM, for {@link Builder} and for builders that boot what they
     * configure (VmHost's): each setter returns the builder it is called on. Defaults: name "vm",
     * memory 2g, no swap, 2 CPUs, a 5-minute boot deadline.
     */
    public abstract static class Settings<B extends Settings<B>> {
        private String name = "vm";
        private Size memory = Size.ofMib(2048);
        private Optional<Size> swap = Optional.empty();
        private int cpus = 2;
        private Duration bootTimeout = Duration.ofMinutes(5);
        private Path cacheDir = defaultCacheDir();
        private Path stateDir = defaultStateDir();
        private Path imageScript = defaultImageScript();

        protected Settings() {
        }

        @SuppressWarnings("unchecked") // B is the subclass itself, as its declaration says
        private B self() {
            return (B) this;
        }

        B from(VmConfig c) {
            name = c.name;
            memory = c.memory;
            swap = c.swap;
            cpus = c.cpus;
            bootTimeout = c.bootTimeout;
            cacheDir = c.cacheDir;
            stateDir = c.stateDir;
            imageScript = c.imageScript;
            return self();
        }

        public B name(String name) {
            this.name = name;
            return self();
        }

        public B memory(String size) {
            this.memory = Size.parse("memory", size);
            return self();
        }

        public B memory(long mib) {
            this.memory = Size.mib("memory", mib);
            return self();
        }

        /** Swap on a per-boot virtio disk; "0" for none. */
        public B swap(String size) {
            this.swap = size != null && size.trim().equals("0") ? Optional.empty() : Optional.of(Size.parse("swap", size));
            return self();
        }

        public B cpus(int cpus) {
            this.cpus = cpus;
            return self();
        }

        public B bootTimeout(Duration timeout) {
            this.bootTimeout = timeout;
            return self();
        }

        public B cacheDir(Path dir) {
            this.cacheDir = dir;
            return self();
        }

        public B stateDir(Path dir) {
            this.stateDir = dir;
            return self();
        }

        public B imageScript(Path script) {
            this.imageScript = script;
            return self();
        }

        /** The settings so far, checked: every bad value fails here, naming the field and the value. */
        protected final VmConfig toConfig() {
            return new VmConfig(name, memory, swap, cpus, bootTimeout, cacheDir, stateDir, imageScript);
        }
    }

    /** Fluent builder of a config (see {@link Settings} for the defaults). */
    public static final class Builder extends Settings<Builder> {
        private Builder() {
        }

        public VmConfig build() {
            return toConfig();
        }
    }

    static Path defaultCacheDir() {
        String env = System.getenv("OOMLAB_CACHE");
        return Path.of(env != null && !env.isBlank() ? env : "/var/cache/oomlab");
    }

    static Path defaultStateDir() {
        String env = System.getenv("OOMLAB_STATE");
        return Path.of(env != null && !env.isBlank() ? env : "/run/oomlab").resolve("vm");
    }

    /** bin/lib/vm-image.sh of the project: OOMLAB_ROOT (bin/oomlab exports it), else up from here. */
    static Path defaultImageScript() {
        Path rel = Path.of("bin", "lib", "vm-image.sh");
        String root = System.getenv("OOMLAB_ROOT");
        if (root != null && !root.isBlank()) {
            return Path.of(root).resolve(rel);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (dir.resolve(rel).toFile().isFile()) {
                return dir.resolve(rel);
            }
        }
        return rel.toAbsolutePath();
    }
}
