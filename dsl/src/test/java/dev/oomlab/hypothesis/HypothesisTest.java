package dev.oomlab.hypothesis;

import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static dev.oomlab.dsl.Scenario.scenario;
import static dev.oomlab.hypothesis.Expectation.ifTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.run.ModelRuntime;
import dev.oomlab.suite.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plumbing of a hypothesis run on a fake runtime; the study itself is HypothesisIT. */
class HypothesisTest {

    @Test
    void aRunShowsObservationBesidePredictionAndJudges() {
        HypothesisResult r = Catalogue.byId("H4").run(ModelRuntime.exact());
        assertThat(r.cases()).extracting(CaseResult::observed).containsExactly(OK, OOM);
        assertThat(r.cases()).extracting(CaseResult::predicted).containsExactly(OK, OOM);
        assertThat(r.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(r.reproducesSeed()).isTrue();
        assertThat(r.headline()).isEqualTo("H4 REJECTED (seed: REJECTED), 2/2 cases as the seed, model agrees on 2/2");
    }

    @Test
    void aHostThatBehavesDifferentlyShowsNotAsSeedNotASilentNewVerdict() {
        // a host where shm would not count: everything is OK
        HypothesisResult r = Catalogue.byId("H4").run(ModelRuntime.answering(s -> Outcome.OK));
        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(r.reproducesSeed()).isFalse();
        assertThat(r.notAsSeed()).singleElement().satisfies(c -> {
            assertThat(c.testCase().name()).isEqualTo("shm 800 + ram 1300");
            assertThat(c.note()).contains("NOT AS SEED: observed OK, the seed observed OOM")
                    .contains("model predicted OOM").contains("within 52 MiB of its boundary");
        });
        assertThat(r.modelDisagreements()).hasSize(1);
    }

    @Test
    void runAllKeepsHypothesisAndCaseOrder() {
        List<HypothesisResult> all = Hypothesis.runAll(Catalogue.all(), Suite.on(ModelRuntime.exact()).parallelism(5));
        assertThat(all).extracting(r -> r.hypothesis().id()).containsExactlyElementsOf(Catalogue.ids());
        assertThat(all).allSatisfy(r -> assertThat(r.reproducesSeed()).as(r.headline()).isTrue());
        for (HypothesisResult r : all) {
            for (int i = 0; i < r.cases().size(); i++) {
                assertThat(r.cases().get(i).result().scenario().name())
                        .isEqualTo(r.hypothesis().id() + ": " + r.hypothesis().cases().get(i).name());
            }
        }
    }

    @Test
    void aHypothesisOfYourOwnHasNoSeedToMatch() {
        Hypothesis mine = Hypothesis.of("X1", "shm counts", scenario().memory("1g").shm("1g"))
                .when("shm 900 + ram 900", s -> s.allocShm(900).allocRam(900), ifTrue(OOM).ifFalse(OK));
        HypothesisResult r = mine.run(ModelRuntime.exact());
        assertThat(r.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(r.reproducesSeed()).isTrue();
        assertThat(r.notAsSeed()).isEmpty();
    }

    @Test
    void badInputFailsNamingTheField() {
        assertThatThrownBy(() -> Hypothesis.of(" ", "c", scenario())).hasMessageStartingWith("id:");
        assertThatThrownBy(() -> Hypothesis.of("X", "", scenario())).hasMessageStartingWith("claim:");
        assertThatThrownBy(() -> Hypothesis.of("X", "c", scenario().memory("1g")).when("none", s -> s, ifTrue(OK).ifFalse(OK)))
                .hasMessageStartingWith("steps:");
        assertThatThrownBy(() -> Hypothesis.of("X", "c", scenario().memory("1g")).run(ModelRuntime.exact()))
                .hasMessageStartingWith("cases:");
    }
}
