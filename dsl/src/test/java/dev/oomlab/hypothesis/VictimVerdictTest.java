package dev.oomlab.hypothesis;

import static dev.oomlab.hypothesis.Expectation.ifTrue;
import static dev.oomlab.hypothesis.Expectation.ifTrueKills;
import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.probe.ProcessReport;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Prediction;
import dev.oomlab.result.Reclaim;
import dev.oomlab.result.Result;
import dev.oomlab.spec.ProcessSpec;
import dev.oomlab.spec.ScenarioSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cases that name the process to be killed, and cases decided by counters (evidence), judged without Docker. */
class VictimVerdictTest {

    private static final Scenario TWO = Scenario.scenario().memory("512m")
            .process("big", p -> p.allocRam(300).hold())
            .process("small", p -> p.sleep("1s").allocRam(250).hold());

    private static Case twoProcesses(Expectation e) {
        return new Case("two", List.of(), e, null, TWO.processes());
    }

    private static Result run(Outcome outcome, String... killed) {
        List<ProcessReport> procs = new java.util.ArrayList<>();
        for (ProcessSpec p : TWO.processes()) {
            boolean k = List.of(killed).contains(p.name());
            procs.add(new ProcessReport(p.name(), 0, 2, k ? ProcessReport.KILLED : ProcessReport.HOLDING, -1,
                    k ? 9 : 0, k ? "SIGKILL" : "", 1, 300L << 20, 674, 1000));
        }
        return Result.builder(TWO.spec()).outcome(outcome, "test").processes(procs)
                .prediction(new Prediction(OOM, -1, "test", 10)).build();
    }

    @Test
    void aCaseNamingTheVictimHoldsOnlyWhenExactlyThatProcessDied() {
        Case c = twoProcesses(ifTrueKills("big").ifFalseKills("small"));
        assertThat(c.asIfTrue(run(OOM, "big"))).isTrue();
        assertThat(c.asIfFalse(run(OOM, "small"))).isTrue();
        assertThat(c.asIfTrue(run(OOM, "big", "small"))).as("two died: not the claim's single victim").isFalse();
        assertThat(c.asIfTrue(run(OK))).isFalse();
        assertThat(Verdict.judgeResults(List.of(new CaseResult(c, run(OOM, "small"))))).isEqualTo(Verdict.REJECTED);
        assertThat(Verdict.judgeResults(List.of(new CaseResult(c, run(OOM, "big"))))).isEqualTo(Verdict.SUPPORTED);
        assertThat(new CaseResult(c, run(OOM, "small")).observedText()).isEqualTo("OOM, killed small");
        assertThat(c.ifTrueText()).isEqualTo("OOM, kills big");
    }

    @Test
    void aVictimMustBeOneOfTheCasesProcesses() {
        assertThatThrownBy(() -> twoProcesses(ifTrueKills("nobody").ifFalseKills("small")))
                .hasMessageContaining("has no process \"nobody\"");
    }

    @Test
    void evidenceDecidesWhenTheOutcomeCannotAndSaysWhenItCannotTell() {
        Evidence kswapdIdle = new Evidence() {
            @Override
            public String describe() {
                return "kswapd idle";
            }

            @Override
            public Optional<Boolean> holds(Result r) {
                long k = r.reclaim().hostDeltaSum("pgscan_kswapd");
                return k < 0 ? Optional.empty() : Optional.of(k == 0);
            }

            @Override
            public String why(Result r) {
                return r.reclaim().describe();
            }
        };
        Case c = new Case("write", List.of(new dev.oomlab.spec.Step.WriteFile(10)),
                ifTrue(OK).ifFalse(OK).showing(kswapdIdle));
        ScenarioSpec s = new ScenarioSpec(null, TWO.limits(), c.steps());
        Result idle = withHost(s, Map.of("pgscan_kswapd", 5L), Map.of("pgscan_kswapd", 5L));
        Result busy = withHost(s, Map.of("pgscan_kswapd", 5L), Map.of("pgscan_kswapd", 9L));
        Result unread = withHost(s, Map.of(), Map.of());
        assertThat(Verdict.judgeResults(List.of(new CaseResult(c, idle)))).isEqualTo(Verdict.SUPPORTED);
        assertThat(Verdict.judgeResults(List.of(new CaseResult(c, busy)))).isEqualTo(Verdict.REJECTED);
        assertThat(Verdict.judgeResults(List.of(new CaseResult(c, unread)))).isEqualTo(Verdict.INCONCLUSIVE);
    }

    private static Result withHost(ScenarioSpec s, Map<String, Long> before, Map<String, Long> after) {
        return Result.builder(s).outcome(OK, "test").prediction(new Prediction(OK, -1, "test", 10))
                .reclaim(Reclaim.none().withHost(before, after, before.isEmpty() ? "remote" : null)).build();
    }
}
