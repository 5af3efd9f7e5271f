package dev.oomlab.hypothesis;

import static dev.oomlab.hypothesis.Expectation.ifTrue;
import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E18's evidence judged from the probe's lines, without Docker (figures as measured on the VM). */
class PressureBeforeKillTest {

    private static final Scenario S = Scenario.scenario().memory("256m").allocRam(600);
    private static final Evidence E = Expectation.pressureBeforeKill();

    private static Sample line(ProbeEvent ev, long tUs, long usageMib, long psiSome) {
        return new Sample(ev, 0, "ram", 0, 0, tUs, usageMib << 20, 256L << 20, -1, -1, -1, -1, -1, -1, -1,
                psiSome, psiSome);
    }

    private static Result run(Outcome outcome, Sample... samples) {
        return Result.builder(S.spec()).outcome(outcome, "test").samples(List.of(samples)).build();
    }

    @Test
    void aStallThatShowsOnlyAtTheExitLineIsNoWarning() {
        // measured on the VM: PSI some 0 on every line up to 241 MiB, 6389 us on the exit line
        Result r = run(OOM, line(ProbeEvent.START, 1267, 0, 0), line(ProbeEvent.PROGRESS, 506099, 241, 0),
                line(ProbeEvent.EXIT, 682673, 0, 6389));
        assertThat(E.holds(r)).contains(false);
        assertThat(E.why(r)).contains("0 us at the start, 0 us at 0.51 s (usage 241 MiB)");
        Case c = new Case("ram 600", S.steps(), ifTrue(OOM).ifFalse(OOM).showing(E));
        assertThat(c.asIfFalse(r)).isTrue();
    }

    @Test
    void aStallBeforeTheLastReportIsAWarning() {
        Result r = run(OOM, line(ProbeEvent.START, 1000, 0, 0), line(ProbeEvent.PROGRESS, 900000, 250, 120000),
                line(ProbeEvent.EXIT, 990000, 0, 150000));
        assertThat(E.holds(r)).contains(true);
    }

    @Test
    void withoutPsiOrWithoutAKillTheRunCannotTell() {
        Result v1 = run(OOM, line(ProbeEvent.START, 1000, 0, -1), line(ProbeEvent.PROGRESS, 2000, 200, -1),
                line(ProbeEvent.EXIT, 3000, 0, -1));
        assertThat(E.holds(v1)).isEmpty();
        assertThat(E.why(v1)).contains("PSI is cgroup v2's");
        assertThat(E.holds(run(OK, line(ProbeEvent.START, 1000, 0, 0), line(ProbeEvent.EXIT, 2000, 0, 0)))).isEmpty();
    }
}
