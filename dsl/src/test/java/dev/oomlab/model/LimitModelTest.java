package dev.oomlab.model;

import static dev.oomlab.result.Outcome.HUNG;
import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static dev.oomlab.result.Outcome.SIGBUS;
import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.hypothesis.Case;
import dev.oomlab.hypothesis.Catalogue;
import dev.oomlab.hypothesis.Hypothesis;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Prediction;
import dev.oomlab.dsl.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LimitModelTest {

    /** The seed's model, asked about DSL scenarios. */
    private final SeedModel model = new SeedModel();

    private static final class SeedModel {
        Outcome outcome(Scenario s) {
            return LimitModel.SEED.outcome(s.spec());
        }

        Prediction predict(Scenario s) {
            return LimitModel.SEED.predict(s.spec());
        }

        long maxRamMib(Scenario s) {
            return LimitModel.SEED.maxRamMib(s.spec());
        }

        long maxShmMib(Scenario s) {
            return LimitModel.SEED.maxShmMib(s.spec());
        }
    }

    @TestFactory
    Stream<DynamicTest> predictsTheSeedsObservationOnAll22Cases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Hypothesis h : Catalogue.all()) {
            for (Case c : h.cases()) {
                Scenario s = c.on(h.base());
                tests.add(DynamicTest.dynamicTest(h.id() + " " + c.name(),
                        () -> assertThat(model.outcome(s)).as(s.toString()).isEqualTo(c.seedObserved())));
            }
        }
        assertThat(tests).hasSize(22);
        return tests.stream();
    }

    @Test
    void shmAndAppShareTheMemoryLimit() {
        Scenario base = scenario().memory("2g").shm("1g");
        assertThat(base.allocShm(800).allocRam(1248).predict()).isEqualTo(OK);
        assertThat(base.allocShm(800).allocRam(1249).predict()).isEqualTo(OOM);
        assertThat(base.allocRam(1249).allocShm(800).predict()).isEqualTo(OOM);
    }

    @Test
    void shmPastAShmSizeBelowMemoryIsSigbus() {
        Scenario base = scenario().memory("4g").shm("512m");
        assertThat(base.allocShm(512).predict()).isEqualTo(OK);
        assertThat(base.allocShm(513).predict()).isEqualTo(SIGBUS);
        assertThat(base.allocShm(300).allocShm(300).predict()).isEqualTo(SIGBUS);
    }

    @Test
    void shmSizeAboveMemoryIsCappedByMemoryAsAnOom() {
        assertThat(scenario().memory("1g").shm("2g").allocShm(1025).predict()).isEqualTo(OOM);
    }

    @Test
    void theTighterBoundDecidesWhenBothAreCrossed() {
        // 1000 of app memory leaves 24 MiB in the cgroup, the tmpfs has 512: the cgroup is hit first
        assertThat(scenario().memory("1g").shm("512m").allocRam(1000).allocShm(600).predict()).isEqualTo(OOM);
        // the tmpfs has 512, the cgroup 4096: the tmpfs is hit first
        assertThat(scenario().memory("4g").shm("512m").allocRam(1000).allocShm(600).predict()).isEqualTo(SIGBUS);
    }

    @Test
    void dockersDefaultShmIs64MiB() {
        assertThat(scenario().memory("1g").allocShm(64).predict()).isEqualTo(OK);
        assertThat(scenario().memory("1g").allocShm(100).predict()).isEqualTo(SIGBUS);
    }

    @Test
    void tmpfsShmWithAndWithoutSize() {
        assertThat(scenario().memory("512m").tmpfsShm().allocShm(700).predict()).isEqualTo(OOM);
        assertThat(scenario().memory("512m").tmpfsShm("256m").allocShm(300).predict()).isEqualTo(SIGBUS);
    }

    @Test
    void filePagesAreReclaimableAndDoNotCount() {
        assertThat(scenario().memory("512m").writeFile(2000).predict()).isEqualTo(OK);
        assertThat(scenario().memory("512m").writeFile(2000).allocRam(500).predict()).isEqualTo(OK);
    }

    @Test
    void freedShmReturnsToThePool() {
        Scenario s = scenario().memory("1g").shm("1g").allocShm(700).freeShm();
        assertThat(s.allocRam(1024).predict()).isEqualTo(OK);
        assertThat(model.maxRamMib(s)).isEqualTo(1024);
        assertThat(model.maxShmMib(s)).isEqualTo(1024);
    }

    @Test
    void anOomWithTheKillerDisabledIsAHang() {
        assertThat(scenario().memory("256m").oomKillDisable().allocRam(400).predict()).isEqualTo(HUNG);
    }

    @Test
    void capacitiesAreWhatIsLeftAfterTheSteps() {
        assertThat(model.maxRamMib(scenario().memory("2g").shm("1g").allocShm(800))).isEqualTo(1248);
        assertThat(model.maxShmMib(scenario().memory("2g").shm("1g").allocRam(1500))).isEqualTo(548);
        assertThat(model.maxShmMib(scenario().memory("4g").shm("512m").allocShm(100))).isEqualTo(412);
        assertThat(model.maxRamMib(scenario().memory("3g").shm("1g").allocShm(1024))).isEqualTo(2048);
        assertThat(model.maxRamMib(scenario().memory("4g").shm("1g").allocShm(1024))).isEqualTo(3072);
        assertThat(model.maxRamMib(scenario().memory("1.5g").allocRam(100))).isEqualTo(1436);
    }

    @Test
    void aScenarioThatAlreadyFailsLeavesNoCapacity() {
        assertThat(model.maxRamMib(scenario().memory("1g").allocRam(2000))).isZero();
        assertThat(model.maxShmMib(scenario().memory("1g").allocRam(2000))).isZero();
    }

    @Test
    void predictionNamesTheFailingStepTheRuleAndTheMargin() {
        Prediction p = model.predict(scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300));
        assertThat(p.outcome()).isEqualTo(OOM);
        assertThat(p.stepIndex()).isEqualTo(1);
        assertThat(p.reason()).contains("shm 800 + ram 1300 = 2100 MiB > memory 2048 MiB");
        assertThat(p.marginMib()).isEqualTo(52);
        assertThat(p.nearBoundary()).isTrue();

        Prediction ok = model.predict(scenario().memory("2g").shm("1g").allocShm(800).allocRam(1100));
        assertThat(ok.outcome()).isEqualTo(OK);
        assertThat(ok.stepIndex()).isEqualTo(-1);
        assertThat(ok.marginMib()).isEqualTo(148);
        assertThat(ok.reason()).contains("1900 MiB fits memory 2048 MiB");

        Prediction bus = model.predict(scenario().memory("4g").shm("512m").allocShm(600));
        assertThat(bus.outcome()).isEqualTo(SIGBUS);
        assertThat(bus.reason()).contains("shm-size 512 MiB");
        assertThat(bus.marginMib()).isEqualTo(88);
    }

    @Test
    void aScenarioWithoutMemoryLimitIsRefused() {
        assertThatThrownBy(() -> scenario().allocRam(10).predict())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("memory:");
    }

    @Test
    void outcomeIsThePredictionsOutcome() {
        Scenario s = scenario().memory("1g").allocRam(100);
        assertThat(model.outcome(s)).isEqualTo(model.predict(s).outcome()).isEqualTo(Outcome.OK);
    }

    /**
     * Measured on cgroup v1 (Linux 6.x, Docker 20.10) first: with shm-size equal to memory the cgroup
     * fills first (it also holds the probe's pages and page tables), so shm past both is an OOM kill:
     * 1g/1g shm 1100, 1030 and 520 + 630, 512m/512m shm 600, 1g/1023m shm 1030 were OOM; 1g/1016m and
     * 1g/1000m were SIGBUS; 1g/1020m, 1g/1022m and 512m/510m were OOM too, but within 2 MiB of the
     * tmpfs's size the model does not guess.
     */
    @Test
    void theModelSaysWhichLimitComesFirstAndWhenItCannotTell() {
        assertThat(scenario().memory("1g").shm("1g").allocShm(1100).predict()).isEqualTo(Outcome.OOM);
        assertThat(scenario().memory("1g").shm("1g").allocShm(1030).predict()).isEqualTo(Outcome.OOM);
        assertThat(scenario().memory("1g").shm("1g").allocShm(520).allocShm(630).predict()).isEqualTo(Outcome.OOM);
        assertThat(scenario().memory("512m").shm("512m").allocShm(600).predict()).isEqualTo(Outcome.OOM);
        assertThat(scenario().memory("1g").shm("1023m").allocShm(1030).predict()).isEqualTo(Outcome.OOM);
        assertThat(scenario().memory("1g").shm("1016m").allocShm(1030).predict()).isEqualTo(Outcome.SIGBUS);
        assertThat(scenario().memory("1g").shm("1000m").allocShm(1030).predict()).isEqualTo(Outcome.SIGBUS);
        assertThat(scenario().memory("1g").shm("1020m").allocShm(1030).predict()).isEqualTo(Outcome.TOO_CLOSE_TO_TELL);
        assertThat(scenario().memory("512m").shm("510m").allocShm(600).predict()).isEqualTo(Outcome.TOO_CLOSE_TO_TELL);
        assertThat(scenario().memory("1g").shm("1020m").allocShm(1030).runner().predict(
                scenario().memory("1g").shm("1020m").allocShm(1030).spec()).reason()).contains("either may come first");
    }
}
