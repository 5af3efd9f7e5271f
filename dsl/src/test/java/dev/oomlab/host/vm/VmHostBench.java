package dev.oomlab.host.vm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import dev.oomlab.probe.ProbeBinary;
import dev.oomlab.runtime.docker.DockerClients;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a test: prints in one run the image lookup, the boot, a trivial container and a
 * 400 MiB touch in the VM against the local engine, an OOM kill and what --oom-kill-disable does.
 * Not run by the build (its name matches neither *Test nor *IT):
 * {@code mvn -pl dsl -Dtest=VmHostBench -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
class VmHostBench {

    private static final long MIB = 1024 * 1024;
    private static final int ROUNDS = 5;

    @Test
    void printFigures() throws Exception {
        VmConfig config = VmConfig.builder().name("bench").memory("2g").cpus(2).build();
        boolean cold = !Files.exists(config.cacheDir().resolve("vm"));
        long t0 = System.nanoTime();
        VmImage image = VmImage.ensure(config);
        say("image %s %.2f s: %s", cold ? "build (cold cache)" : "lookup", secs(System.nanoTime() - t0), image.manifest());
        long t1 = System.nanoTime();
        VmImage.ensure(config);
        say("image lookup (cached) %.2f s", secs(System.nanoTime() - t1));
        try (QemuVm vm = QemuVm.start(config); DockerClient local = DockerClients.connect();
                DockerClient guest = ProbeRun.connect(vm.dockerHost())) {
            say("%s, %s", vm, vm.bootTimes());
            Info info = guest.infoCmd().exec();
            say("VM docker info: CgroupVersion %s, CgroupDriver %s, kernel %s, driver %s, MemTotal %d MiB, SwapLimit %s,"
                    + " OomKillDisable %s, Docker %s", info.getRawValues().get("CgroupVersion"),
                    info.getRawValues().get("CgroupDriver"), info.getKernelVersion(), info.getDriver(),
                    info.getMemTotal() / MIB, info.getSwapLimit(), info.getOomKillDisable(), info.getServerVersion());
            long l0 = System.nanoTime();
            String guestProbe = ProbeRun.loadProbe(guest);
            say("probe image load into the VM engine %.2f s", secs(System.nanoTime() - l0));
            // ProbeImage.ensure removes other probe builds' images after a load; on the shared local
            // engine those are other checkouts', so the bench imports its own image there, and removes it.
            String localProbe = importLocalProbe();
            var engines = List.of(Map.entry("VM", guest), Map.entry("local", local));
            for (var engine : engines) {
                String probe = engine.getKey().equals("VM") ? guestProbe : localProbe;
                List<Double> trivial = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    trivial.add(secs(ProbeRun.run(engine.getValue(), probe, hc -> hc, "--stat").wall().toNanos()));
                }
                List<Double> touch = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ProbeRun r = ProbeRun.run(engine.getValue(), probe, mem(1024), "ram:400");
                    touch.add(r.event("step", 0).path("t_us").asLong() / 1e6);
                }
                say("%s: trivial container (create, start, wait, logs, remove) %s s, median %.2f s", engine.getKey(),
                        trivial, median(trivial));
                say("%s: ram:400 touched in %s s (probe's own clock), median %.2f s", engine.getKey(), touch, median(touch));
            }
            ProbeRun oom = ProbeRun.run(guest, guestProbe, mem(512), "ram:700");
            say("VM OOM: exit %d, OOMKilled %s, exit line %s", oom.exitCode(), oom.oomKilled(), oom.last());
            ProbeRun okd = ProbeRun.run(guest, guestProbe, hc -> mem(512).apply(hc).withOomKillDisable(true), "ram:700");
            say("VM --oom-kill-disable: HostConfig.OomKillDisable %s, exit %d, OOMKilled %s, ev_oom_kill %s",
                    okd.inspect().getHostConfig().getOomKillDisable(), okd.exitCode(), okd.oomKilled(),
                    okd.last().path("ev_oom_kill"));
            long c0 = System.nanoTime();
            Process cli = new ProcessBuilder("docker", "-H", vm.dockerHost().toString(), "run", "--rm", "--network", "none",
                    "--entrypoint", "/probe", guestProbe, "--stat").redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes()).trim();
            say("docker -H %s run --rm (CLI): exit %d in %.2f s: %s", vm.dockerHost(), cli.waitFor(),
                    secs(System.nanoTime() - c0), out);
            local.removeImageCmd(localProbe).exec();
            long s0 = System.nanoTime();
            vm.close();
            say("stop %.2f s", secs(System.nanoTime() - s0));
        }
    }

    /** The probe as a one-file image named apart from oomlab-probe, so no other checkout's load removes it. */
    private static String importLocalProbe() throws Exception {
        Path dir = Files.createTempDirectory("oomlab-vmbench");
        try (InputStream in = VmHostBench.class.getResourceAsStream(ProbeBinary.RESOURCE)) {
            Files.copy(in, dir.resolve("probe"));
            dir.resolve("probe").toFile().setExecutable(true, false);
            String ref = "oomlab-vmbench-probe:" + ProcessHandle.current().pid();
            Process p = new ProcessBuilder("sh", "-c", "tar -C \"$1\" -c . | docker import - \"$2\"", "sh",
                    dir.toString(), ref).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("docker import failed: " + out);
            }
            return ref;
        } finally {
            VmRegistry.deleteTree(dir);
        }
    }

    private static UnaryOperator<HostConfig> mem(long mib) {
        return hc -> hc.withMemory(mib * MIB).withMemorySwap(mib * MIB);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static double secs(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }

    private static void say(String format, Object... args) {
        System.out.println("VmHostBench: " + String.format(format, args));
    }
}
