package dev.oomlab.run;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.dsl.Scenario;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bisection on a fake runtime that answers from the model; the real search is BoundarySearchIT. */
class BoundarySearchTest {

    private static final Scenario AS_IS = scenario().memory("3g").shm("1g").allocShm(1024);

    @Test
    void aRightModelCostsTwoRuns() {
        ModelRuntime rt = ModelRuntime.exact();
        Boundary b = BoundarySearch.with(Runner.on(rt)).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2048);
        assertThat(b.failMib()).isEqualTo(2049);
        assertThat(b.predictedMib()).isEqualTo(2048);
        assertThat(b.runs()).isEqualTo(2).isEqualTo(rt.runs());
        assertThat(b.bracketed()).isTrue();
        assertThat(b.modelError()).isZero();
        assertThat(b.note()).isEmpty();
        assertThat(b.results()).extracting(r -> ((Step.AllocRam) r.scenario().steps().get(1)).mib())
                .containsExactly(2048, 2049);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 15, 16, 17, 40, 100, 200})
    void kernelOverheadBelowThePredictionIsFoundTo1MibInAtMost12Runs(int overheadMib) {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(overheadMib))).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2048 - overheadMib);
        assertThat(b.bracketed()).isTrue();
        assertThat(b.runs()).isLessThanOrEqualTo(12);
        assertThat(b.modelError()).isEqualTo(-overheadMib);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16, 60})
    void aBoundaryAboveThePredictionIsFoundToo(int extraMib) {
        // a host that gives more than the model says (e.g. swap the model ignores)
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(-extraMib))).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2048 + extraMib);
        assertThat(b.bracketed()).isTrue();
        assertThat(b.runs()).isLessThanOrEqualTo(12);
    }

    @Test
    void aBoundaryFarAboveThePredictionSaysWhereItGotTo() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(-300))).maxRam(AS_IS.spec());
        assertThat(b.runs()).isEqualTo(12);
        assertThat(b.bracketed()).isFalse();
        assertThat(b.mib()).isLessThan(2348);
        assertThat(b.failMib()).isGreaterThan(2348);
        assertThat(BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(-300))).maxRuns(13).maxRam(AS_IS.spec()).mib()).isEqualTo(2348);
    }

    @Test
    void maxShmStopsAtTheTmpfsSize() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.exact())).maxShm(scenario().memory("4g").shm("512m").allocShm(100).spec());
        assertThat(b.kind()).isEqualTo(Boundary.Kind.SHM);
        assertThat(b.mib()).isEqualTo(412);
        assertThat(b.runs()).isEqualTo(2);
        assertThat(b.results().get(1).outcome()).isEqualTo(Outcome.SIGBUS);
    }

    @Test
    void aModelFarOffIsReportedNotBracketedWhenTheRunsRunOut() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(1500))).maxRam(AS_IS.spec());
        assertThat(b.runs()).isEqualTo(12);
        assertThat(b.bracketed()).isFalse();
        assertThat(b.note()).startsWith("not bracketed to 1 MiB within 12 runs");
        // what it did see is still true: the last OK is OK and the first failure fails
        assertThat(b.mib()).isLessThanOrEqualTo(548);
        assertThat(b.failMib()).isGreaterThan(548);
        assertThat(b.toString()).contains("NOT bracketed");
    }

    @Test
    void moreRunsBracketWhatTwelveCouldNot() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(1500))).maxRuns(20).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(548);
        assertThat(b.bracketed()).isTrue();
    }

    @Test
    void aBaseThatAlreadyFailsHasNoRoom() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.exact())).maxRam(scenario().memory("1g").allocRam(2000).spec());
        assertThat(b.mib()).isZero();
        assertThat(b.failMib()).isEqualTo(1);
        assertThat(b.note()).isEqualTo("even 1 MiB more does not end OK");
    }

    @Test
    void anErrorRunStopsTheSearchInsteadOfPassingForALimit() {
        ModelRuntime rt = ModelRuntime.answering(s -> s.steps().size() > 1
                && ((Step.AllocRam) s.steps().get(1)).mib() > 2048 ? Outcome.ERROR : LimitModel.SEED.outcome(s));
        Boundary b = BoundarySearch.with(Runner.on(rt)).maxRam(AS_IS.spec());
        assertThat(b.runs()).isEqualTo(2);
        assertThat(b.mib()).isEqualTo(2048);
        assertThat(b.failMib()).isEqualTo(-1);
        assertThat(b.bracketed()).isFalse();
        assertThat(b.note()).startsWith("run 2 (2049 MiB) ended ERROR");
    }

    @Test
    void theListenerHearsEveryProbeAndTheEnd() {
        List<String> heard = new ArrayList<>();
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(5))).listener(new SearchListener() {
            @Override
            public void probed(Boundary.Kind kind, long mib, Result result, int run, int maxRuns) {
                heard.add(run + "/" + maxRuns + " " + mib + " " + result.outcome());
            }

            @Override
            public void found(Boundary boundary) {
                heard.add("found " + boundary.mib());
            }
        }).maxRam(AS_IS.spec());
        assertThat(heard).hasSize(b.runs() + 1).startsWith("1/12 2048 OOM").endsWith("found 2043");
    }

    @Test
    void everyProbeResultCarriesTheModelsPrediction() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(5))).maxRam(AS_IS.spec());
        assertThat(b.results()).allSatisfy(r -> assertThat(r.predicted()).isEqualTo(LimitModel.SEED.outcome(r.scenario())));
        // near the boundary the kernel (here: the fake's overhead) and the model disagree, and it shows
        assertThat(b.results()).anySatisfy(r -> assertThat(r.disagreesWithModel()).isTrue());
    }

    @Test
    void badInputFailsNamingTheField() {
        assertThatThrownBy(() -> BoundarySearch.with(Runner.on(ModelRuntime.exact())).maxRuns(1)).hasMessageStartingWith("maxRuns:");
        assertThatThrownBy(() -> BoundarySearch.with(Runner.on(ModelRuntime.exact())).maxRam(scenario().allocShm(10).spec()))
                .hasMessageStartingWith("memory:");
    }
}
