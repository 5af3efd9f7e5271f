package dev.oomlab.run;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.dsl.Scenario;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The search's logic on a fake runtime that answers from the model; the real search is BoundarySearchIT. */
class BoundarySearchTest {

    private static final Scenario AS_IS = scenario().memory("3g").shm("1g").allocShm(1024);

    @Test
    void aConfirmedKillPointCostsThreeRuns() {
        ModelRuntime rt = ModelRuntime.exact();
        Boundary b = BoundarySearch.with(Runner.on(rt)).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2048);
        assertThat(b.failMib()).isEqualTo(2049);
        assertThat(b.predictedMib()).isEqualTo(2048);
        assertThat(b.runs()).isEqualTo(3).isEqualTo(rt.runs());
        assertThat(b.bracketed()).isTrue();
        assertThat(b.modelError()).isZero();
        assertThat(b.note()).isEmpty();
        assertThat(b.method()).isEqualTo("killed at 2048.97 MiB, confirmed: 2048 MiB OK, 2049 MiB not");
        assertThat(b.results()).extracting(r -> r.scenario().steps().get(1).probeArg())
                .containsExactly("ram-until-killed:3136", "ram:2048", "ram:2049");
        assertThat(b.results()).extracting(Result::outcome).containsExactly(Outcome.OOM, Outcome.OK, Outcome.OOM);
    }

    @ParameterizedTest
    @ValueSource(ints = {-300, -60, -1, 1, 3, 16, 17, 100, 200, 1500})
    void whereverTheBoundaryIsTheKillPointFindsItInThreeRuns(int overheadMib) {
        // the model's error no longer costs runs: the kill run does not start from it
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(overheadMib))).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2048 - overheadMib);
        assertThat(b.bracketed()).isTrue();
        assertThat(b.runs()).isEqualTo(3);
        assertThat(b.modelError()).isEqualTo(-overheadMib);
        assertThat(b.method()).contains("confirmed");
    }

    @ParameterizedTest
    @ValueSource(ints = {-40, -5, -1, 1, 5, 40})
    void aKillPointTheConfirmationsContradictFallsBackToBisectionAndSaysSo(int offMib) {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(7).killPointOff(offMib)))
                .maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2041);
        assertThat(b.bracketed()).isTrue();
        assertThat(b.runs()).isBetween(3, 12); // off by 1 MiB: the disagreeing run is itself the bracket
        assertThat(b.method()).contains(offMib > 0 ? "did not end OK: bisected below it" : "ended OK: bisected above it");
        assertThat(b.toString()).contains(b.method());
    }

    @Test
    void killPointOnlyCostsOneRunAndSaysItIsNotConfirmed() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.withOverhead(9))).killPointOnly().maxRam(AS_IS.spec());
        assertThat(b.runs()).isEqualTo(1);
        assertThat(b.mib()).isEqualTo(2039);
        assertThat(b.failMib()).isEqualTo(2040);
        assertThat(b.method()).endsWith("2039 MiB from the kill point, not confirmed");
        assertThat(b.bracketed()).isFalse();
        assertThat(b.note()).isEqualTo("from the kill point alone: no run at 2039 MiB confirmed it");
    }

    @Test
    void aKillRunThatIsNotKilledFallsBackToTheModelsAnswer() {
        // the worker's mmap is refused above 2000 MiB: no kill, no kill point
        ModelRuntime rt = ModelRuntime.answering(s -> total(s) > (1024 + 2000) * Size.MIB ? Outcome.ALLOC_FAILED
                : Outcome.OK);
        Boundary b = BoundarySearch.with(Runner.on(rt)).maxRam(AS_IS.spec());
        assertThat(b.mib()).isEqualTo(2000);
        assertThat(b.bracketed()).isTrue();
        assertThat(b.method()).isEqualTo("no kill point (the kill run ended ALLOC_FAILED): searched from the model's 2048 MiB");
        assertThat(b.results().get(1).scenario().steps().get(1).probeArg()).isEqualTo("ram:2048");
    }

    @Test
    void aKillRunThatReachesItsCeilingSaysWhereTheSearchGotTo() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.answering(s -> Outcome.OK))).maxRam(AS_IS.spec());
        assertThat(b.runs()).isEqualTo(12);
        assertThat(b.bracketed()).isFalse();
        assertThat(b.mib()).isGreaterThan(3136);
        assertThat(b.failMib()).isEqualTo(-1);
        assertThat(b.method()).startsWith("the kill run reached its ceiling of 3136 MiB unkilled");
        assertThat(b.note()).startsWith("not bracketed to 1 MiB within 12 runs");
        assertThat(b.toString()).contains("NOT bracketed");
    }

    @Test
    void maxShmStopsAtTheTmpfsSize() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.exact())).maxShm(scenario().memory("4g").shm("512m").allocShm(100).spec());
        assertThat(b.kind()).isEqualTo(Boundary.Kind.SHM);
        assertThat(b.mib()).isEqualTo(412);
        assertThat(b.runs()).isEqualTo(3);
        assertThat(b.results().get(0).scenario().steps().get(1).probeArg()).isEqualTo("shm-until-killed:4160");
        assertThat(b.results()).extracting(Result::outcome).containsExactly(Outcome.SIGBUS, Outcome.OK, Outcome.SIGBUS);
    }

    @Test
    void aBaseThatAlreadyFailsHasNoRoom() {
        Boundary b = BoundarySearch.with(Runner.on(ModelRuntime.exact())).maxRam(scenario().memory("1g").allocRam(2000).spec());
        assertThat(b.mib()).isZero();
        assertThat(b.failMib()).isEqualTo(1);
        assertThat(b.runs()).isEqualTo(2);
        assertThat(b.note()).isEqualTo("even 1 MiB more does not end OK");
    }

    @Test
    void anErrorRunStopsTheSearchInsteadOfPassingForALimit() {
        ModelRuntime rt = ModelRuntime.answering(s -> total(s) > (1024 + 2048) * Size.MIB ? Outcome.ERROR
                : LimitModel.SEED.outcome(s));
        Boundary b = BoundarySearch.with(Runner.on(rt)).maxRam(AS_IS.spec());
        assertThat(b.runs()).isEqualTo(1);
        assertThat(b.failMib()).isEqualTo(-1);
        assertThat(b.bracketed()).isFalse();
        assertThat(b.note()).startsWith("the kill run ended ERROR");
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
        assertThat(heard).containsExactly("1/12 3136 OOM", "2/12 2043 OK", "3/12 2044 OOM", "found 2043");
        assertThat(b.runs()).isEqualTo(3);
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

    private static long total(ScenarioSpec s) {
        return s.steps().stream().mapToLong(Step::targetBytes).sum();
    }
}
