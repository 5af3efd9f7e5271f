package dev.oomlab.dsl;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.SetResult;
import dev.oomlab.run.ModelRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several containers: bad input is refused naming the field and the value, before any container starts. */
class ScenariosTest {

    private final ModelRuntime rt = ModelRuntime.exact();

    private Scenario writer() {
        return scenario().on(rt).named("writer").memory("512m").ipc("shareable").allocShm(300, "seg").sleep("6s");
    }

    private Scenario reader() {
        return scenario().on(rt).named("reader").memory("128m").ipc("container:writer").allocShm(300, "seg");
    }

    private void refused(Scenarios set, String... parts) {
        assertThatThrownBy(set::run).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(parts);
        assertThat(rt.runs()).as("no container started").isZero();
    }

    @Test
    void aContainerWithoutANameIsRefused() {
        refused(Scenarios.inOrder(writer(), scenario().on(rt).memory("128m").allocRam(10)),
                "named: container 2 of 2 is named \"null\"");
    }

    @Test
    void aNameTakenTwiceIsRefused() {
        refused(Scenarios.inOrder(writer(), writer()), "named: \"writer\" is taken (container 2 of 2)");
    }

    @Test
    void joiningANameThatIsNotAnEarlierContainerIsRefused() {
        refused(Scenarios.alongside(reader(), writer()),
                "ipc: \"container:writer\" of \"reader\" names no earlier container of the set ()");
        refused(Scenarios.alongside(writer(), reader().ipc("container:ghost")),
                "ipc: \"container:ghost\" of \"reader\" names no earlier container of the set (writer)");
    }

    @Test
    void joiningAContainerWhoseIpcIsNotShareableIsRefused() {
        refused(Scenarios.alongside(writer().ipc("private"), reader()),
                "ipc: \"container:writer\" of \"reader\" joins \"writer\", whose ipc is \"private\"",
                "give \"writer\" ipc(\"shareable\")");
    }

    @Test
    void joiningAContainerThatHasEndedIsRefused() {
        refused(Scenarios.inOrder(writer(), reader()), "ipc: \"container:writer\" of \"reader\" needs \"writer\" running",
                "run it alongside");
    }

    @Test
    void aJoiningContainerCannotSizeTheShmItShares() {
        refused(Scenarios.alongside(writer(), reader().shm("1g")),
                "shm: \"reader\" joins \"writer\"'s IPC and uses its /dev/shm, so its own shm 1g cannot apply");
    }

    @Test
    void anUnnamedSegmentInTheHostsShmIsRefused() {
        refused(Scenarios.inOrder(scenario().on(rt).named("first").memory("128m").ipc("host").allocShm(200)),
                "allocShm: \"first\" has ipc host and an unnamed shm 200");
    }

    @Test
    void aContainersOwnBadInputNamesTheContainer() {
        refused(Scenarios.inOrder(writer(), scenario().on(rt).named("late").allocRam(10)),
                "memory: no memory limit set", "(in container \"late\")");
    }

    @Test
    void aValidSetRunsEachContainerInOrderAndKeepsEachResult() {
        SetResult r = Scenarios.inOrder(scenario().on(rt).named("small").memory("128m").allocRam(50),
                scenario().on(rt).named("big").memory("128m").allocRam(500)).run();
        assertThat(rt.runs()).isEqualTo(2);
        assertThat(r.outcomes()).containsExactly(java.util.Map.entry("small", Outcome.OK),
                java.util.Map.entry("big", Outcome.OOM));
        assertThat(r.headline()).isEqualTo("small OK, big OOM");
        assertThat(r.hostShm()).as("no container with ipc host").isEmpty();
        assertThatThrownBy(() -> r.result("ghost")).hasMessage("container: no container \"ghost\" in the set (small, big)");
        assertThat(List.of(r.result("big").outcome())).containsExactly(Outcome.OOM);
    }
}
