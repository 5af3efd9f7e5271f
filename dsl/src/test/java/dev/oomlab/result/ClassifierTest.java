package dev.oomlab.result;

import static dev.oomlab.Oomlab.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.ProbeReport;
import dev.oomlab.probe.Sample;
import dev.oomlab.spec.ScenarioSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final ScenarioSpec S = scenario().memory("1g").allocRam(100).spec();

    private static Sample event(String ev) {
        return new Sample(ProbeEvent.named(ev), 0, "ram", 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    }

    private static Observation exit(int code, boolean oomKilled, String... events) {
        List<Sample> samples = java.util.Arrays.stream(events).map(ClassifierTest::event).toList();
        return Observation.exited(code, oomKilled, new ProbeReport(samples, null, List.of()), Duration.ZERO);
    }

    @Test
    void exitZeroWithTheProbesEndIsOk() {
        assertThat(Classifier.classify(S, exit(0, false, "start", "end")).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void exitZeroWithoutTheEndIsNotOk() {
        assertThat(Classifier.classify(S, exit(0, false, "start")).outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void sigkillWithDockersOomFlagIsOom() {
        Classification v = Classifier.classify(S, exit(137, true, "start", "progress"));
        assertThat(v.outcome()).isEqualTo(Outcome.OOM);
        assertThat(v.detail()).contains("137").contains("OOMKilled true");
    }

    private static Observation killed(boolean oomKilled, long oomKillCounter) {
        Sample exit = new Sample(ProbeEvent.EXIT, -1, "", 0, 0, 0, -1, -1, 2L << 30, 0, -1, -1, -1, oomKillCounter, 0);
        return Observation.exited(137, oomKilled, new ProbeReport(List.of(event("start")), exit, List.of()), Duration.ZERO);
    }

    @Test
    void theCgroupsOomKillCounterIsTheAuthority() {
        Classification agree = Classifier.classify(S, killed(true, 1));
        assertThat(agree.outcome()).isEqualTo(Outcome.OOM);
        assertThat(agree.detail()).contains("oom_kill counter is 1").contains("OOMKilled true");

        Classification flagMissed = Classifier.classify(S, killed(false, 1));
        assertThat(flagMissed.outcome()).isEqualTo(Outcome.OOM);
        assertThat(flagMissed.detail()).contains("the flag disagrees with the cgroup");

        Classification noKill = Classifier.classify(S, killed(true, 0));
        assertThat(noKill.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(noKill.detail()).contains("counted no OOM kill");
    }

    @Test
    void finalCountersComeFromTheSupervisorsReport() {
        Result r = Results.from(S, killed(true, 1), Environment.unknown(), "run", "c");
        assertThat(r.countersAreFinal()).isTrue();
        assertThat(r.peakBytes()).isEqualTo(2L << 30);
        assertThat(r.oomKillCount()).isEqualTo(1);
        assertThat(r.samples()).extracting(Sample::event).containsExactly(ProbeEvent.START);
    }

    @Test
    void sigkillWithoutOomEvidenceIsShownAsSuch() {
        Classification v = Classifier.classify(S, exit(137, false, "start"));
        assertThat(v.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(v.detail()).contains("OOMKilled false").contains("no oom_kill counter");
    }

    @Test
    void exit135IsSigbus() {
        assertThat(Classifier.classify(S, exit(135, false, "start")).outcome()).isEqualTo(Outcome.SIGBUS);
    }

    @Test
    void theProbesCleanFailureIsAllocFailed() {
        assertThat(Classifier.classify(S, exit(3, false, "start", "fail")).outcome()).isEqualTo(Outcome.ALLOC_FAILED);
        assertThat(Classifier.classify(S, exit(3, false, "start")).outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void timeoutUnderOomIsHungOtherwiseTimeout() {
        Observation hung = Observation.timedOut(true, ProbeReport.none(), Duration.ZERO);
        Observation slow = Observation.timedOut(false, ProbeReport.none(), Duration.ZERO);
        assertThat(Classifier.classify(S, hung).outcome()).isEqualTo(Outcome.HUNG);
        assertThat(Classifier.classify(S, slow).outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void anythingElseIsAnErrorWithTheOutput() {
        Observation o = Observation.exited(127, false, new ProbeReport(List.of(), null, List.of("exec /probe: not found")),
                Duration.ZERO);
        Classification v = Classifier.classify(S, o);
        assertThat(v.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(v.detail()).contains("exit 127").contains("exec /probe: not found");
    }

    @Test
    void stepProgressAndPeakComeFromTheSamples() {
        ScenarioSpec s = scenario().memory("1g").allocShm(32).allocRam(64).spec();
        List<Sample> samples = List.of(
                new Sample(ProbeEvent.START, -1, "", 0, 0, 0, 1000, 1 << 30, 1000, 0, 0, 0, 0, 0, 0),
                new Sample(ProbeEvent.STEP, 0, "shm", 32 << 20, 32 << 20, 10, 34 << 20, 1 << 30, 34 << 20, 0, 32 << 20, 0, 0, 0, 0),
                new Sample(ProbeEvent.PROGRESS, 1, "ram", 16 << 20, 64 << 20, 20, 50 << 20, 1 << 30, 51 << 20, 0, 32 << 20, 16 << 20, 0, 0, 0));
        Result r = Results.from(s, Observation.exited(137, true, new ProbeReport(samples, null, List.of()), Duration.ofMillis(5)),
                Environment.unknown(), "run", "c");
        assertThat(r.steps()).extracting(StepProgress::completed).containsExactly(true, false);
        assertThat(r.steps().get(1).doneMib()).isEqualTo(16.0);
        assertThat(r.peakBytes()).isEqualTo(51L << 20);
        assertThat(r.stoppedAt()).get().extracting(StepProgress::index).isEqualTo(1);
        assertThat(r.headline()).isEqualTo("OOM (exit 137, OOMKilled true, stopped in step 2 ram 64: 16/64 MiB, peak 51 MiB)");
    }

    @Test
    void theEnginesRefusalIsItsOwnOutcomeWithTheEnginesWords() {
        Observation o = Observation.refused("Minimum memory limit allowed is 6MB (HTTP 400)", Duration.ZERO);
        Classification c = Classifier.classify(ScenarioSpec.empty(), o);
        assertThat(c.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(c.detail()).isEqualTo("the engine refused the container: Minimum memory limit allowed is 6MB (HTTP 400)");
        assertThat(Classifier.classify(ScenarioSpec.empty(), Observation.failed("boom", Duration.ZERO)).outcome())
                .isEqualTo(Outcome.ERROR);
    }
}
