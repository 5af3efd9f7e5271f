package dev.oomlab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.probe.Sample;
import dev.oomlab.spec.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeLineTest {

    @Test
    void readsAProgressLineWithTheCgroupsCounters() {
        String line = "{\"ev\":\"progress\",\"step\":1,\"kind\":\"ram\",\"done\":16777216,\"target\":1363148800,"
                + "\"t_us\":5123,\"usage\":855638016,\"limit\":2147483648,\"max_usage\":855638016,\"failcnt\":0,"
                + "\"shmem\":838860800,\"anon\":16777216,\"file\":0,\"oom_kill\":0,\"under_oom\":0}";
        Sample s = ProbeLine.parse(line).orElseThrow();
        assertThat(s.event()).isEqualTo(ProbeEvent.PROGRESS);
        assertThat(s.step()).isEqualTo(1);
        assertThat(s.kind()).isEqualTo("ram");
        assertThat(s.doneBytes()).isEqualTo(16777216L);
        assertThat(s.targetBytes()).isEqualTo(1363148800L);
        assertThat(s.usage()).isEqualTo(855638016L);
        assertThat(s.limit()).isEqualTo(2147483648L);
        assertThat(s.shmemMib()).isEqualTo(800.0);
        assertThat(s.anonMib()).isEqualTo(16.0);
        assertThat(s.seconds()).isEqualTo(0.005123);
    }

    @Test
    void missingCountersAreMinusOne() {
        Sample s = ProbeLine.parse("{\"ev\":\"start\",\"v\":1,\"pid\":1,\"cgroup\":0}").orElseThrow();
        assertThat(s.usage()).isEqualTo(-1);
        assertThat(s.underOom()).isEqualTo(-1);
        assertThat(Double.isNaN(s.usageMib())).isTrue();
    }

    @Test
    void otherLinesAreNotEvents() {
        assertThat(ProbeLine.parse("exec /probe: no such file or directory")).isEmpty();
        assertThat(ProbeLine.parse("{\"ev\":\"progress\",\"step\":")).isEmpty();
        assertThat(ProbeLine.parse("")).isEmpty();
        assertThat(ProbeLine.parse(null)).isEmpty();
    }

    @Test
    void failLinesCarryTheError() {
        String line = "{\"ev\":\"fail\",\"step\":0,\"kind\":\"ram\",\"op\":\"mmap\",\"errno\":12,\"error\":\"ENOMEM\"}";
        assertThat(ProbeLine.error(line)).contains("mmap: ENOMEM");
    }

    @Test
    void stepsBecomeTheProbesArguments() {
        List<String> argv = ProbeCommand.argv(List.of(new Step.AllocShm(800), new Step.AllocRam(1300),
                new Step.FreeShm(), new Step.WriteFile(2000), new Step.Sleep(Duration.ofSeconds(2)),
                new Step.AllocShm(200, "shared-seg")));
        assertThat(argv).containsExactly("/probe", "--chunk-mib=16", "--dir=/scratch", "shm:800", "ram:1300",
                "freeshm", "file:2000", "sleep:2000", "shm:200:shared-seg");
    }

    @Test
    void aStatfsLineIsAFigureOfItsOwn() {
        String line = "{\"ev\":\"statfs\",\"step\":0,\"path\":\"/dev/shm\",\"size\":12638089216,"
                + "\"avail\":12638089216,\"t_us\":2184}";
        assertThat(ProbeLine.parse(line)).get().extracting(Sample::event).isEqualTo(ProbeEvent.STATFS);
        assertThat(ProbeLine.statfs(line)).contains(new FsStat(0, "/dev/shm", 12638089216L, 12638089216L));
        assertThat(ProbeLine.statfs("{\"ev\":\"step\",\"step\":0}")).isEmpty();
        assertThat(new Step.StatFs("/dev/shm").probeArg()).isEqualTo("statfs:/dev/shm");
    }

    @Test
    void readsAProcessLineTheCgroupsReclaimCountersAndAWorkersName() {
        String proc = "{\"ev\":\"proc\",\"proc\":\"small\",\"pid\":8,\"oom_score_adj\":1000,\"status\":\"signaled\","
                + "\"code\":-1,\"signal\":9,\"signal_name\":\"SIGKILL\",\"t_us\":1786000,\"usage\":315621376}";
        ProcessReport p = ProbeLine.processEnd(proc).orElseThrow();
        assertThat(p.name()).isEqualTo("small");
        assertThat(p.oomScoreAdj()).isEqualTo(1000);
        assertThat(p.killed()).isTrue();
        assertThat(p.signalName()).isEqualTo("SIGKILL");
        assertThat(ProbeLine.parse(proc).orElseThrow().event()).isEqualTo(ProbeEvent.PROC);
        String worker = "{\"ev\":\"step\",\"proc\":\"big\",\"step\":0,\"kind\":\"ram\",\"done\":1,\"target\":1,"
                + "\"t_us\":9,\"oom_score\":674,\"usage\":1}";
        assertThat(ProbeLine.proc(worker)).isEqualTo("big");
        assertThat(ProbeLine.oomScore(worker)).isEqualTo(674);
        assertThat(ProbeLine.proc("{\"ev\":\"step\",\"step\":0}")).isNull();
        assertThat(ProbeLine.reclaimStat("{\"ev\":\"exit\",\"usage\":1,\"stat_pgpgout\":1503,\"stat_dirty\":0}"))
                .containsExactly(java.util.Map.entry("pgpgout", 1503L), java.util.Map.entry("dirty", 0L));
        assertThat(ProbeLine.parse("{\"ev\":\"hung\",\"t_us\":1}").orElseThrow().event()).isEqualTo(ProbeEvent.HUNG);
    }

    @Test
    void aScenarioOfSeveralProcessesGivesEachItsOwnArguments() {
        var spec = dev.oomlab.dsl.Scenario.scenario().memory("512m")
                .process("big", p -> p.allocRam(300).hold())
                .process("small", p -> p.oomScoreAdj(-5).burnCpu("2s").readFile(3).sync().hold()).spec();
        assertThat(ProbeCommand.argv(spec)).containsSubsequence("proc:big:0", "ram:300", "hold",
                "proc:small:-5", "spin:2000", "read:3", "sync", "hold");
        assertThat(dev.oomlab.runtime.docker.ContainerSpec.containerOomScoreAdj(spec)).isEqualTo(-5);
    }
}
