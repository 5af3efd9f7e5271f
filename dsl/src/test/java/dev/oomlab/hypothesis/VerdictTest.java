package dev.oomlab.hypothesis;

import static dev.oomlab.result.Outcome.ERROR;
import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static dev.oomlab.result.Outcome.SIGBUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.oomlab.result.Outcome;
import dev.oomlab.spec.Step;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {

    private static Case c(Outcome ifTrue, Outcome ifFalse) {
        return new Case("c", List.of(new Step.AllocRam(1)), ifTrue, ifFalse, null);
    }

    /** Each row: why, the cases (if true, if false), what was observed in each, the verdict. */
    static Stream<Arguments> judgements() {
        return Stream.of(
                arguments("supported when every observation is as if true",
                        List.of(c(OK, OK), c(SIGBUS, OK)), List.of(OK, SIGBUS), Verdict.SUPPORTED),
                arguments("rejected when an observation is as if false and not as if true",
                        List.of(c(OK, OOM), c(OOM, OOM)), List.of(OOM, OOM), Verdict.REJECTED),
                // observed OOM equals "if false" but also "if true": it says nothing against the claim
                arguments("a case where both columns agree rejects nothing",
                        List.of(c(OOM, OOM), c(OK, OK)), List.of(OOM, OOM), Verdict.INCONCLUSIVE),
                arguments("inconclusive when an observation is in neither column",
                        List.of(c(OK, OOM)), List.of(SIGBUS), Verdict.INCONCLUSIVE),
                arguments("inconclusive when an observation is in neither column, beside one as if true",
                        List.of(c(OK, OOM), c(OK, OK)), List.of(OK, ERROR), Verdict.INCONCLUSIVE),
                arguments("one rejecting case wins over an odd one",
                        List.of(c(OK, OOM), c(OK, OK)), List.of(OOM, ERROR), Verdict.REJECTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("judgements")
    void judges(String why, List<Case> cases, List<Outcome> observed, Verdict expected) {
        assertThat(Verdict.judge(cases, observed)).isEqualTo(expected);
    }

    @Test
    void oneObservationPerCaseIsRequired() {
        assertThatThrownBy(() -> Verdict.judge(List.of(c(OK, OOM)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("observed:");
    }
}
