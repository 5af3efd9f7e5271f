package dev.oomlab.host.vm;

import dev.oomlab.runtime.HostMemory;
import dev.oomlab.runtime.Owner;
import dev.oomlab.spec.Size;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cgroup v2 Linux with Docker, booted by qemu from the cached {@link VmImage}; its Docker API
 * is forwarded to a loopback port ({@link #dockerHost()}). Stopped (qemu killed, its per-boot
 * files and state file removed) by {@link #close()}, by a JVM shutdown hook, by the kernel when
 * the JVM dies (qemu runs under setpriv --pdeathsig), and else by the next start's reaping.
 */
public final class QemuVm implements AutoCloseable {

    /** Left to this host's own processes beyond the VM's memory. */
    static final Size HOST_MARGIN = Size.ofMib(1024);
    /** qemu's own use beyond guest RAM (TCG's translation cache, devices). */
    static final Size QEMU_OVERHEAD = Size.ofMib(256);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Console lines of the guest's init (bin/lib/vm-image/recipe.sh). */
    private static final String INIT_MARK = "oomlab-init: init";
    private static final String DOCKERD_MARK = "oomlab-init: starting dockerd";
    private static final int PORT_TRIES = 3;

    /**
     * The kernel's parent-death signal fires when the THREAD that forked the child ends, so qemu
     * is forked by this one daemon thread that lives as long as the JVM.
     */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oomlab-vm-launcher");
        t.setDaemon(true);
        return t;
    });

    private final VmConfig config;
    private final VmImage image;
    private final Accelerator accelerator;
    private final Process qemu;
    private final VmState state;
    private final BootTimes bootTimes;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private QemuVm(VmConfig config, VmImage image, Accelerator accelerator, Process qemu, VmState state,
            BootTimes bootTimes) {
        this.config = config;
        this.image = image;
        this.accelerator = accelerator;
        this.qemu = qemu;
        this.state = state;
        this.bootTimes = bootTimes;
        this.shutdownHook = new Thread(this::stop, "oomlab-vm-stop-" + config.name());
    }

    /** Builds or finds the image, boots, and returns once the guest's Docker API answers _ping. */
    public static QemuVm start(VmConfig config) {
        return start(config, false);
    }

    /**
     * Boots a VM that outlives this JVM ({@code bin/oomlab host start vm}): qemu gets its own
     * session and no parent-death signal, and its state file names no owner, so only
     * {@code host stop} (or its qemu ending) removes it.
     */
    public static QemuVm startDetached(VmConfig config) {
        return start(config, true);
    }

    private static QemuVm start(VmConfig config, boolean detached) {
        VmRegistry registry = VmRegistry.of(config);
        registry.reapStale();
        long promised = registry.list().stream().mapToLong(VmState::untouchedMemoryBytes).sum();
        long available = HostMemory.availableBytes();
        checkMemory(config, available < 0 ? available : available - promised);
        registry.find(config.name()).ifPresent(s -> {
            throw new VmException("VM '" + config.name() + "' already runs (qemu pid " + s.qemuPid() + ", "
                    + s.dockerHost() + "): stop it first or give this one another name");
        });
        VmImage image = VmImage.ensure(config);
        String qemuBinary = findOnPath("qemu-system-x86_64").orElseThrow(() -> new VmException(
                "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)"));
        Accelerator accel = Accelerator.detect();
        for (int attempt = 1; ; attempt++) {
            try {
                return boot(config, image, accel, qemuBinary, detached);
            } catch (PortTakenException e) {
                if (attempt == PORT_TRIES) {
                    throw new VmException("VM '" + config.name() + "' could not bind a loopback port in "
                            + PORT_TRIES + " tries; see " + config.logFile());
                }
            }
        }
    }

    /**
     * Refuses, before anything starts, a VM larger than this host can give: what is available
     * less what running VMs may still claim.
     */
    static void checkMemory(VmConfig config, long availableBytes) {
        if (availableBytes < 0) {
            return; // no /proc/meminfo: nothing to judge by
        }
        long room = availableBytes - HOST_MARGIN.bytes() - QEMU_OVERHEAD.bytes();
        if (config.memory().bytes() > room) {
            throw new IllegalArgumentException("memory: " + config.memory() + " is more than this host can give a VM ("
                    + Size.format(availableBytes) + " available, less " + HOST_MARGIN + " for the host and "
                    + QEMU_OVERHEAD + " for qemu, leaves " + Size.format(Math.max(0, room)) + ")");
        }
    }

    private static QemuVm boot(VmConfig config, VmImage image, Accelerator accel, String qemuBinary,
            boolean detached) {
        Path runDir = config.runDir();
        Path log = config.logFile();
        Process qemu = null;
        Thread bootHook = null;
        try {
            VmRegistry.deleteTree(runDir);
            Files.createDirectories(runDir);
            Files.createDirectories(log.getParent());
            Optional<Path> swapDisk = Optional.empty();
            if (config.hasSwap()) {
                Path disk = runDir.resolve("swap.img");
                try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
                    f.setLength(config.swap().orElseThrow().bytes()); // sparse: host disk is used only as the guest swaps
                }
                swapDisk = Optional.of(disk);
            }
            int port = freeLoopbackPort();
            List<String> cmd = new ArrayList<>();
            if (detached) {
                findOnPath("setsid").ifPresent(cmd::add); // a terminal's Ctrl-C after the CLI ends must not reach it
            } else {
                findOnPath("setpriv").ifPresent(setpriv -> cmd.addAll(List.of(setpriv, "--pdeathsig", "KILL", "--")));
            }
            cmd.addAll(QemuCommand.build(qemuBinary, config, image, accel, port, swapDisk));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("TMPDIR", runDir.toString()); // where snapshot=on puts its overlay
            Instant t0 = Instant.now();
            qemu = launch(pb);
            Process booting = qemu;
            // an exit while booting (Ctrl-C in a notebook or a terminal) stops it too
            bootHook = new Thread(() -> cleanUp(config, booting, runDir), "oomlab-vm-boot-" + config.name());
            Runtime.getRuntime().addShutdownHook(bootHook);
            long startMillis = qemu.info().startInstant().map(Instant::toEpochMilli).orElse(t0.toEpochMilli());
            VmState state = new VmState(config.name(), qemu.pid(), startMillis, port,
                    detached ? VmState.DETACHED : Owner.current().label(), runDir, log, config.memory().bytes(),
                    config.swap().map(Size::bytes).orElse(0L));
            state.write(config.stateDir());
            BootTimes times = waitForDocker(config, qemu, port, log, t0);
            QemuVm vm = new QemuVm(config, image, accel, qemu, state, times);
            if (!detached) {
                Runtime.getRuntime().addShutdownHook(vm.shutdownHook);
            }
            removeHook(bootHook);
            return vm;
        } catch (IOException e) {
            removeHook(bootHook);
            cleanUp(config, qemu, runDir);
            throw new VmException("VM '" + config.name() + "' could not start: " + e.getMessage() + "; see " + log);
        } catch (RuntimeException e) {
            removeHook(bootHook);
            cleanUp(config, qemu, runDir);
            throw e;
        } catch (InterruptedException e) {
            removeHook(bootHook);
            cleanUp(config, qemu, runDir);
            Thread.currentThread().interrupt();
            throw new VmException("VM '" + config.name() + "' boot was interrupted; it is stopped");
        }
    }

    private static Process launch(ProcessBuilder pb) throws IOException, InterruptedException {
        try {
            return LAUNCHER.submit(pb::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Polls GET /_ping on the forwarded port until it answers OK, qemu dies, or the deadline passes. */
    private static BootTimes waitForDocker(VmConfig config, Process qemu, int port, Path log, Instant t0)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(config.bootTimeout());
        Instant initSeen = null;
        Instant dockerdSeen = null;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_ping"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        while (true) {
            if (!qemu.isAlive()) {
                if (logContains(log, "host forwarding")) {
                    throw new PortTakenException();
                }
                throw new VmException("VM '" + config.name() + "' stopped while booting (qemu exit "
                        + qemu.exitValue() + "); see " + log);
            }
            if (dockerdSeen == null) {
                String console = readLog(log);
                if (initSeen == null && console.contains(INIT_MARK)) {
                    initSeen = Instant.now();
                }
                if (console.contains(DOCKERD_MARK)) {
                    dockerdSeen = Instant.now();
                }
            }
            try {
                HttpResponse<String> r = http.send(ping, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && "OK".equals(r.body().trim())) {
                    Instant ready = Instant.now();
                    return new BootTimes(Duration.between(t0, initSeen == null ? ready : initSeen),
                            Duration.between(dockerdSeen == null ? ready : dockerdSeen, ready),
                            Duration.between(t0, ready));
                }
            } catch (IOException notYet) {
                // slirp accepts the connection before dockerd listens, then drops it: keep polling
            }
            if (Instant.now().isAfter(deadline)) {
                throw new VmException("VM '" + config.name() + "' did not answer Docker's _ping on 127.0.0.1:" + port
                        + " within " + config.bootTimeout().toSeconds() + " s; see " + log);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean logContains(Path log, String text) {
        return readLog(log).contains(text);
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void cleanUp(VmConfig config, Process qemu, Path runDir) {
        if (qemu != null) {
            VmRegistry.kill(qemu.toHandle());
        }
        VmRegistry.deleteTree(runDir);
        try {
            Files.deleteIfExists(VmState.file(config.stateDir(), config.name()));
        } catch (IOException ignored) {
            // the next start reaps it
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Optional<String> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    /** The guest's Docker engine, e.g. tcp://127.0.0.1:34567 (loopback only). */
    public URI dockerHost() {
        return state.dockerHost();
    }

    public VmConfig config() {
        return config;
    }

    public VmImage image() {
        return image;
    }

    public Accelerator accelerator() {
        return accelerator;
    }

    /** How long this boot took, as seen from this host. */
    public BootTimes bootTimes() {
        return bootTimes;
    }

    /**
     * What this VM left in its state dir: how another process finds it, and where this one is
     * (qemu's pid, the serial console's log, kept after stop).
     */
    public VmState state() {
        return state;
    }

    public boolean isRunning() {
        return !closed.get() && qemu.isAlive();
    }

    @Override
    public void close() {
        stop();
        removeHook(shutdownHook);
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the VM stopped
        }
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            cleanUp(config, qemu, state.runDir());
        }
    }

    @Override
    public String toString() {
        return "VM '" + config.name() + "' (" + config.memory() + ", " + config.cpus() + " CPUs, "
                + config.swap().map(s -> "swap " + s).orElse("no swap") + ", " + accelerator + ") at " + dockerHost();
    }

    /** qemu could not bind the port picked (taken in between): retried with another. */
    private static final class PortTakenException extends RuntimeException {
        PortTakenException() {
            super(null, null, false, false);
        }
    }
}
