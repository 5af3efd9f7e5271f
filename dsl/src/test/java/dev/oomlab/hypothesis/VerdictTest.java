package dev.oomlab.hypothesis;

import static dev.oomlab.result.Outcome.ERROR;
import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static dev.oomlab.result.Outcome.SIGBUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.spec.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static Case c(Outcome ifTrue, Outcome ifFalse) {
        return new Case("c", List.of(new Step.AllocRam(1)), ifTrue, ifFalse, null);
    }

    @Test
    void supportedWhenEveryObservationIsAsIfTrue() {
        assertThat(Verdict.judge(List.of(c(OK, OK), c(SIGBUS, OK)), List.of(OK, SIGBUS))).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void rejectedWhenAnObservationIsAsIfFalseAndNotAsIfTrue() {
        assertThat(Verdict.judge(List.of(c(OK, OOM), c(OOM, OOM)), List.of(OOM, OOM))).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void aCaseWhereBothColumnsAgreeRejectsNothing() {
        // observed OOM equals "if false" but also "if true": it says nothing against the claim
        assertThat(Verdict.judge(List.of(c(OOM, OOM), c(OK, OK)), List.of(OOM, OOM))).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void inconclusiveWhenAnObservationIsInNeitherColumn() {
        assertThat(Verdict.judge(List.of(c(OK, OOM)), List.of(SIGBUS))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.judge(List.of(c(OK, OOM), c(OK, OK)), List.of(OK, ERROR))).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void oneRejectingCaseWinsOverAnOddOne() {
        assertThat(Verdict.judge(List.of(c(OK, OOM), c(OK, OK)), List.of(OOM, ERROR))).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void oneObservationPerCaseIsRequired() {
        assertThatThrownBy(() -> Verdict.judge(List.of(c(OK, OOM)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("observed:");
    }
}
