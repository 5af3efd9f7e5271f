package dev.oomlab.run;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.dsl.Scenarios;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ScenarioSet;
import dev.oomlab.spec.ShmMount;
import org.junit.jupiter.api.Test;

/** How a set's containers meet the result store and the model, on the model-answering fake runtime. */
class SetRunnerTest {

    private static final ScenarioSet TWICE = Scenarios.inOrder(
            scenario().named("first").memory("128m").ipc("host").allocShm(200, "seg"),
            scenario().named("second").memory("128m").ipc("host").allocShm(200, "seg")).spec();

    @Test
    void theSameContainerRunTwiceOnPurposeIsMeasuredTwiceAndTheSetAgainIsReused() {
        ResultStore store = ResultStore.empty();
        ModelRuntime rt = ModelRuntime.exact();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                var c = TWICE.containers().get(i);
                Result r = store.resultInSet(c, SetRunner.context(TWICE, i, ""), "host", () -> rt.run(c, null));
                assertThat(r.reused()).as("round %d, container %d", round, i).isEqualTo(round == 1);
            }
        }
        assertThat(rt.runs()).isEqualTo(2);
        assertThat(store.holds(TWICE.containers().get(1), SetRunner.context(TWICE, 1, ""), "host")).isTrue();
        assertThat(store.holds(TWICE.containers().get(1), SetRunner.context(TWICE, 1, " anew"), "host")).isFalse();
        assertThat(store.measured()).hasSize(2);
    }

    @Test
    void aContainerJoiningAnothersIpcIsModelledWithThatOnesShm() {
        ScenarioSet set = Scenarios.alongside(
                scenario().named("writer").memory("512m").shm("512m").ipc("shareable").allocShm(300, "seg"),
                scenario().named("reader").memory("128m").ipc("container:writer").allocShm(300, "seg")).spec();
        assertThat(SetRunner.modelled(set, set.container("reader")).limits().shm())
                .isEqualTo(set.container("writer").limits().shm()).isInstanceOf(ShmMount.ShmSize.class);
        assertThat(SetRunner.modelled(set, set.container("writer"))).isSameAs(set.container("writer"));
    }

    @Test
    void anEngineOnAnotherMachineSaysItCannotCleanItsHostsShm() {
        ModelRuntime elsewhere = ModelRuntime.exact(); // not on this machine, as a remote engine
        var r = Runner.on(elsewhere).run(TWICE);
        assertThat(elsewhere.runs()).isEqualTo(2);
        assertThat(r.hostShm()).isEqualTo("cannot remove seg from the host's /dev/shm: the engine \""
                + elsewhere.environment().host() + "\" is not on this machine (remove them there)");
    }

    @Test
    void aSetRunAlongsideThatTheStoreHoldsWholeIsAnsweredWithoutWaitingForAContainer() {
        ScenarioSet set = Scenarios.alongside(
                scenario().named("writer").memory("512m").shm("512m").ipc("shareable").allocShm(300, "seg"),
                scenario().named("reader").memory("128m").ipc("container:writer").allocShm(300, "seg")).spec();
        ModelRuntime rt = ModelRuntime.exact();
        ResultStore store = ResultStore.empty();
        for (int i = 0; i < 2; i++) { // as a verify measured it before this process (a notebook) asks
            var c = set.containers().get(i);
            store.resultInSet(c, SetRunner.context(set, i, ""), Runner.host(rt), () -> rt.run(c, null));
        }
        ResultStore before = ResultStore.current();
        ResultStore.use(store);
        try {
            var r = Runner.on(rt).run(set);
            assertThat(r.results()).allSatisfy(x -> assertThat(x.reused()).isTrue());
            assertThat(rt.runs()).isEqualTo(2);
        } finally {
            ResultStore.use(before);
        }
    }
}
