package dev.oomlab.host.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import static dev.oomlab.dsl.Scenario.scenario;

import dev.oomlab.host.DockerHost;
import dev.oomlab.host.Hosts;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.Catalogue;
import dev.oomlab.hypothesis.Hypothesis;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.search.RandomCase;
import dev.oomlab.search.RandomScenarios;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import dev.oomlab.suite.Suite;
import java.util.List;
import dev.oomlab.host.VmHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Boots the VM host once and asks it what the v2 kernel does. Each expected value was measured on
 * the VM first (Debian 12's 6.1.0 kernel, docker.io 20.10.24, TCG): docker info says cgroup v2
 * with the image's kernel; memory.max 512M with ram 700 is an OOM kill with memory.events
 * oom_kill 1 and memory.peak at the limit; --oom-kill-disable is dropped by Docker on v2 and the
 * task is killed as without it; the seed study H1-H8 ends as on v1; its engine answers as a remote
 * tcp host; random cases end as on v1 and as the model says; E6, E17 and E18 (issue 11; E17 through the probe's own cgroup writes). After
 * close nothing of the VM is left. One boot of a 6g VM for all of it: measured 374 s in all here
 * (boot 17 s, the 22 seed cases 177 s, two at a time under TCG, the random cases 55 s, E6 26 s, E17
 * 28 s, E18 19 s); with other labs busy on the same cores 660 s (seed 329 s, random 117 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmHostIT {

    private static final long MIB = 1024 * 1024;
    /** The random cases' default draw (issue 9). */
    private static final long RANDOM_SEED = 20261206L;
    private static final int RANDOM_COUNT = 16;

    private VmHost host;
    private QemuVm vm;
    private DockerClient docker;
    private String probe;
    private Path runDir;
    private Path stateFile;
    private long qemuPid;

    @BeforeAll
    void boot() {
        boolean ci = "true".equals(System.getenv("CI"));
        Optional<String> qemu = QemuVm.findOnPath("qemu-system-x86_64");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!ci) {
            // a developer's machine without qemu or root (to build the image) skips; CI must not
            Assumptions.assumeTrue(qemu.isPresent() && root, "needs qemu-system-x86_64 and root");
        }
        // 6g: the seed's H2 asks for a 4g container, and the engine keeps 1g of the guest's memory; swap 1g:
        // E6's ram 1200 under memory-swap 1g may swap 512 MiB, and the guest's own pages take some too
        host = Hosts.vm().name("it").memory("6g").swap("1g").cpus(2).start();
        vm = host.vm();
        VmConfig config = vm.config();
        runDir = config.runDir();
        stateFile = VmState.file(config.stateDir(), config.name());
        qemuPid = vm.state().qemuPid();
        System.out.println("VmHostIT: " + vm + ", " + vm.bootTimes() + ", log " + vm.state().log());
        docker = ProbeRun.connect(vm.dockerHost());
        probe = ProbeRun.loadProbe(docker);
    }

    @Test
    void theEngineIsOnCgroupV2WithTheImagesKernel() {
        Info info = docker.infoCmd().exec();
        assertThat(info.getRawValues().get("CgroupVersion")).isEqualTo("2");
        assertThat(info.getKernelVersion()).isEqualTo(vm.image().kernelRelease()).startsWith("6.1.0-");
        assertThat(info.getDriver()).isEqualTo("overlay2");
        // dockerd sits in a child cgroup, so it sees memory.swap.max and keeps --memory-swap
        assertThat(info.getSwapLimit()).isTrue();
        assertThat(info.getMemTotal()).isBetween(5500 * MIB, 6144 * MIB);
        assertThat(vm.dockerHost().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void anOomKillShowsInMemoryEventsWithTheV2Peak() throws Exception {
        ProbeRun r = ProbeRun.run(docker, probe, hc -> hc.withMemory(512 * MIB).withMemorySwap(512 * MIB), "ram:700");
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(r.oomKilled()).isTrue();
        var exit = r.last();
        assertThat(exit.path("ev").asText()).isEqualTo("exit");
        assertThat(exit.path("signal_name").asText()).isEqualTo("SIGKILL");
        assertThat(exit.path("cgroup").isMissingNode()).isTrue(); // only the start line says the version
        assertThat(r.lines().get(0).path("cgroup").asInt()).isEqualTo(2);
        assertThat(exit.path("limit").asLong()).isEqualTo(512 * MIB);
        assertThat(exit.path("oom_kill").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(exit.path("ev_oom_kill").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(exit.path("ev_oom").asLong()).isGreaterThanOrEqualTo(1);
        // 6.1 has memory.peak (since 5.19): the kill came at the limit
        assertThat(exit.path("peak").asLong()).isEqualTo(512 * MIB);
        assertThat(exit.path("psi_some_total").asLong()).isPositive();
    }

    @Test
    void oomKillDisableIsDroppedOnV2AndTheTaskIsKilled() throws Exception {
        ProbeRun r = ProbeRun.run(docker, probe,
                hc -> hc.withMemory(512 * MIB).withMemorySwap(512 * MIB).withOomKillDisable(true), "ram:700");
        // Docker 20.10 on v2: "Your kernel does not support OomKillDisable. OomKillDisable discarded."
        assertThat(r.inspect().getHostConfig().getOomKillDisable()).isNotEqualTo(Boolean.TRUE);
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(r.last().path("ev_oom_kill").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSwapDiskTakesWhatMemoryMaxLeavesOut() throws Exception {
        // memory.max 256M, memory.swap.max 512M (Docker's --memory-swap is their sum): ram 400 must swap
        ProbeRun r = ProbeRun.run(docker, probe, hc -> hc.withMemory(256 * MIB).withMemorySwap(768 * MIB), "ram:400");
        System.out.println("VmHostIT swap: exit " + r.exitCode() + ", step line " + r.event("step", 0));
        assertThat(r.exitCode()).isZero();
        var step = r.event("step", 0);
        assertThat(step.path("usage").asLong()).isLessThanOrEqualTo(256 * MIB);
        assertThat(step.path("swap").asLong()).isGreaterThanOrEqualTo(400 * MIB - 256 * MIB);
    }

    /**
     * H1-H8 on v2, measured first on this VM (6.1.0, Docker 20.10.24, TCG): all 22 cases end as
     * the seed saw them on its v1 host, and as this project's v1 host sees them; the outcome does
     * not differ between v1 and v2. What differs is the evidence: on v2 the kill count is the
     * cgroup's own memory.events oom_kill, and the peak is memory.peak, at the limit to the page
     * for every OOM case (v1's max_usage_in_bytes).
     */
    @Test
    void theSeedStudyEndsOnV2AsOnV1() {
        long t0 = System.nanoTime();
        List<HypothesisResult> results = Hypothesis.runAll(Catalogue.all(), Suite.on(host));
        System.out.printf("VmHostIT study: %d cases in %.1f s%n", Catalogue.caseCount(), (System.nanoTime() - t0) / 1e9);
        for (HypothesisResult h : results) {
            for (CaseResult c : h.cases()) {
                System.out.println("VmHostIT study: " + h.hypothesis().id() + ": " + c.testCase().name() + " -> "
                        + c.result().headline());
                assertThat(c.result().environment().host()).isEqualTo("it");
                assertThat(c.result().environment().cgroupVersion()).isEqualTo(2);
                if (c.observed() == Outcome.OOM) {
                    assertThat(c.result().oomKillCount()).as(c.testCase().name()).isGreaterThanOrEqualTo(1);
                    assertThat(c.result().peakBytes()).as(c.testCase().name())
                            .isEqualTo(c.result().scenario().limits().memory().bytes());
                }
            }
            assertThat(h.notAsSeed()).as(h.headline()).isEmpty();
            assertThat(h.verdict()).as(h.hypothesis().id()).isEqualTo(h.seedVerdict());
        }
    }

    @Test
    void anOomKillThroughTheDslCarriesTheV2Counters() {
        Result r = scenario().memory("512m").allocRam(700).on(host).run();
        assertThat(r.outcome()).isEqualTo(Outcome.OOM);
        assertThat(r.oomKillCount()).isGreaterThanOrEqualTo(1); // memory.events' oom_kill
        assertThat(r.peakBytes()).isEqualTo(512 * MIB);         // memory.peak
        assertThat(r.environment().host()).isEqualTo("it");
        assertThat(r.environment().cgroupVersion()).isEqualTo(2);
        assertThat(r.environment().kernel()).isEqualTo(vm.image().kernelRelease());
    }

    /**
     * v1 and v2 differ here: on this project's v1 host the task hangs (HUNG, what the model
     * predicts); on v2 Docker 20.10 discards the flag with a warning and the kernel kills the task.
     */
    @Test
    void oomKillDisableIsDiscardedOnV2WithTheEnginesWarningAndTheTaskIsKilled() {
        Result r = scenario().memory("512m").oomKillDisable().timeout("60s").allocRam(700).on(host).run();
        assertThat(r.outcome()).isEqualTo(Outcome.OOM);
        assertThat(r.oomKillCount()).isGreaterThanOrEqualTo(1);
        assertThat(r.warnings()).contains("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
        assertThat(r.predicted()).isEqualTo(Outcome.HUNG); // the model knows v1 only
    }

    @Test
    void shmPastTheShmSizeIsSigbusOnV2() {
        Result r = scenario().memory("1g").shm("256m").allocShm(300).on(host).run();
        assertThat(r.outcome()).isEqualTo(Outcome.SIGBUS);
        assertThat(r.exitCode()).isEqualTo(135);
        assertThat(r.oomKilled()).isFalse();
    }

    /**
     * Issue 9's random cases: scenarios drawn from a seed (memory 64-512m, any /dev/shm mount, one to
     * three steps of 16-600 MiB, no swap) run on this machine's engine (cgroup v1) and on the VM (v2)
     * at once. Each case must end the same on both and as the limit model says, except where the
     * model says it cannot tell (too close, or within its near-boundary margin): there the figures
     * are printed, not asserted. A disagreement prints the seed and the case to run it again.
     * -Doomlab.random.seed and -Doomlab.random.count choose another draw.
     */
    @Test
    void randomCasesEndTheSameOnV1AndV2AndAsTheModelSays() {
        long seed = Long.getLong("oomlab.random.seed", RANDOM_SEED);
        int count = Integer.getInteger("oomlab.random.count", RANDOM_COUNT);
        List<dev.oomlab.dsl.Scenario> scenarios = RandomScenarios.seeded(seed).take(count);
        long t0 = System.nanoTime();
        var onLocal = CompletableFuture.supplyAsync(() -> Suite.on(Hosts.local()).run(scenarios));
        List<Result> onVm = Suite.on(host).run(scenarios);
        List<Result> local = onLocal.join();
        System.out.printf("VmHostIT random: seed %d, %d cases on local and vm in %.1f s%n", seed, count,
                (System.nanoTime() - t0) / 1e9);
        List<RandomCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new RandomCase(seed, i, local.get(i), onVm.get(i)));
        }
        cases.forEach(c -> System.out.println("VmHostIT random: " + c.row()));
        long agree = cases.stream().filter(c -> c.hostsAgree() && c.modelAgrees()).count();
        long close = cases.stream().filter(RandomCase::tooCloseToTell).count();
        System.out.printf("VmHostIT random: seed %d: %d cases, %d agree (hosts and model), %d too close to tell%n",
                seed, count, agree, close);
        List<String> disagreements = cases.stream().filter(RandomCase::disagrees).map(RandomCase::reproduce).toList();
        assertThat(disagreements).as("random cases (seed " + seed + ") where v1, v2 and the model differ").isEmpty();
        assertThat(local).allSatisfy(r -> assertThat(r.environment().cgroupVersion()).isEqualTo(1));
        assertThat(onVm).allSatisfy(r -> assertThat(r.environment().cgroupVersion()).isEqualTo(2));
    }

    /**
     * E6 (issue 11) on the VM's swap disk: ram 800 under 512m with memory-swap 1g is OK (peak 512 MiB,
     * the rest swapped), ram 1200 is killed at 1008 MiB. The limit model ignores swap, so it predicts
     * an OOM for ram 800: it disagrees there, as it says it would.
     */
    @Test
    void e6SwapLetsAContainerPassItsMemoryUpToMemorySwap() {
        // one at a time: the swap disk is the guest's, not the container's. Measured with both cases at once on a
        // 512 MiB disk: ram 800 killed at 704 MiB, ram 1200 at 1008 (memory-swap is a limit, not a reservation)
        HypothesisResult e6 = Catalogue.byId("E6").run(Suite.on(host).parallelism(1));
        System.out.println("VmHostIT E6: " + e6.headline());
        for (CaseResult c : e6.cases()) {
            System.out.println("VmHostIT E6: " + c.testCase().name() + " -> " + c.result().headline());
        }
        assertThat(e6.ran()).isTrue();
        assertThat(e6.cases().get(0).observed()).isEqualTo(Outcome.OK);
        assertThat(e6.cases().get(1).observed()).isEqualTo(Outcome.OOM);
        // alone, it is killed at memory-swap (measured 1008 of 1024 MiB, reports 16 MiB apart), not before
        assertThat(e6.cases().get(1).result().stoppedAt().orElseThrow().doneMib()).isBetween(960.0, 1024.0);
        assertThat(e6.verdict()).isEqualTo(dev.oomlab.hypothesis.Verdict.SUPPORTED);
    }

    /**
     * E17 as the catalogue runs it: memory.oom.group written by the probe itself (root in the host's
     * cgroup namespace, the host's cgroup2 mount bound read-write), before its first step. Measured
     * first on this VM: without the flag the kill took c alone; with it the container exited 137 and
     * no process reported anything (the supervisor, PID 1, was killed too).
     */
    @Test
    void e17OomGroupKillsEveryProcessOfTheContainer() {
        HypothesisResult e17 = Catalogue.byId("E17").run(Suite.on(host));
        System.out.println("VmHostIT E17: " + e17);
        Result without = e17.cases().get(0).result();
        Result with = e17.cases().get(1).result();
        assertThat(without.killedProcesses()).containsExactly("c");
        assertThat(without.processes()).filteredOn(p -> p.survived()).extracting(p -> p.name())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(with.scenario().limits().cgroupV2().files()).containsEntry("memory.oom.group", "1");
        assertThat(with.exitCode()).isEqualTo(137);
        assertThat(with.processes()).as("no process left to report").noneMatch(p -> p.survived());
        assertThat(e17.verdict()).isEqualTo(dev.oomlab.hypothesis.Verdict.SUPPORTED);
    }

    /**
     * E18 (issue 11) as the catalogue runs it: the memory.pressure totals the probe reads on each
     * line, up to the kill, with no swap and with 256 MiB to swap out first.
     */
    @Test
    void e18MemoryPressureBeforeTheOomKill() {
        HypothesisResult e18 = Catalogue.byId("E18").run(Suite.on(host));
        System.out.println("VmHostIT E18: " + e18.headline());
        for (CaseResult c : e18.cases()) {
            Result r = c.result();
            System.out.println("VmHostIT E18: " + c.testCase().name() + " -> " + r.headline() + "; "
                    + c.testCase().evidence().why(r) + "; as if true " + c.testCase().asIfTrue(r));
            r.samples().forEach(l -> System.out.printf("VmHostIT E18:   %-8s %7.3f s, usage %4.0f MiB, psi some %8d us, "
                    + "full %8d us%n", l.event(), l.seconds(), l.usageMib(), l.psiSomeMicros(), l.psiFullMicros()));
        }
        assertThat(e18.ran()).isTrue();
        assertThat(e18.cases()).allSatisfy(c -> assertThat(c.observed()).isEqualTo(Outcome.OOM));
        // measured: no swap, PSI some 0 us on every report up to 498 MiB at 5.2 s, then the kill: no warning
        CaseResult noSwap = e18.cases().get(0);
        assertThat(noSwap.testCase().asIfFalse(noSwap.result())).as(noSwap.testCase().evidence().why(noSwap.result()))
                .isTrue();
        // measured: swapping at the limit, PSI some 0 -> 4.9 s over the ~6 s at the limit before the kill
        CaseResult swapping = e18.cases().get(1);
        assertThat(swapping.testCase().asIfTrue(swapping.result()))
                .as(swapping.testCase().evidence().why(swapping.result())).isTrue();
        assertThat(e18.verdict()).isEqualTo(dev.oomlab.hypothesis.Verdict.REJECTED);
    }

    /** The VM's engine as a user's remote engine: by address, over TCP, the lab reading nothing local. */
    @Test
    void aRemoteEngineOverTcp() {
        try (DockerHost remote = Hosts.docker(vm.dockerHost().toString())) {
            Result r = scenario().memory("256m").allocRam(64).on(remote).run();
            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            assertThat(r.environment().host()).isEqualTo(vm.dockerHost().toString());
            assertThat(r.environment().cgroupVersion()).isEqualTo(2);
            assertThat(r.environment().kernel()).isEqualTo(vm.image().kernelRelease());
            var fingerprint = remote.fingerprint();
            System.out.println("VmHostIT remote: " + fingerprint);
            assertThat(fingerprint.storageDriver()).isEqualTo("overlay2");
            // a loopback port is not this machine: its swap, THP and PSI are not read from here
            assertThat(fingerprint.swapBytes()).isEqualTo(-1);
            assertThat(fingerprint.thp()).startsWith("unknown");
        }
        assertThat(host.fingerprint().thp()).startsWith(VmConfig.GUEST_THP);
        assertThat(host.fingerprint().swapBytes()).isEqualTo(1024 * MIB);
    }

    @AfterAll
    void stopAndLeaveNothing() {
        if (vm == null) {
            return;
        }
        try {
            if (docker != null) {
                docker.close();
            }
        } catch (Exception ignored) {
            // the VM goes next
        }
        host.close();
        assertThat(vm.isRunning()).isFalse();
        assertThat(ProcessHandle.of(qemuPid).map(ProcessHandle::isAlive).orElse(false)).as("qemu pid " + qemuPid).isFalse();
        assertThat(runDir).as("per-boot dir (overlay, swap disk)").doesNotExist();
        assertThat(stateFile).doesNotExist();
        boolean anyQemuOfOurs = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains("qemu-system") && c.contains("oomlab-" + vm.config().name())).orElse(false));
        if (anyQemuOfOurs) {
            fail("a qemu of VM " + vm.config().name() + " is still running");
        }
        assertThat(Files.exists(vm.state().log())).as("the console log is kept for a post-mortem").isTrue();
    }
}
