package dev.oomlab.hypothesis;

import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Result;
import dev.oomlab.run.ModelRuntime;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.suite.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hypothesis the host cannot run starts no container and says why; the others still run. */
class CannotRunTest {

    /** The model's answers on a host that says it is cgroup v1 without swap: this project's host. */
    private static final class CgroupV1Host implements ContainerRuntime {
        final ModelRuntime model = ModelRuntime.exact();

        @Override
        public Result run(ScenarioSpec scenario, RunListener listener) {
            return model.run(scenario, listener);
        }

        @Override
        public Environment environment() {
            return new Environment("local", "6.1.0-test", 1, "20.10.24", "1.41", "runc", "Debian", "x86_64", 24L << 30, 0);
        }

        @Override
        public long availableMemoryBytes() {
            return model.availableMemoryBytes();
        }
    }

    @Test
    void aHostWithoutSwapRunsNothingForTheSwapHypothesisAndStillRunsTheRest() {
        CgroupV1Host host = new CgroupV1Host();
        Hypothesis needsSwap = Hypothesis.of("X1", "swap helps", Scenario.scenario().memory("512m").memorySwap("1g"))
                .needs(HostNeed.SWAP)
                .when("ram 800", s -> s.allocRam(800), Expectation.ifTrue(OK).ifFalse(OOM));
        Hypothesis plain = Hypothesis.of("X2", "ram past the limit dies", Scenario.scenario().memory("512m"))
                .when("ram 800", s -> s.allocRam(800), Expectation.ifTrue(OOM).ifFalse(OK));

        List<HypothesisResult> r = Hypothesis.runAll(List.of(needsSwap, plain), Suite.on(host));

        assertThat(host.model.runs()).as("containers started").isEqualTo(1);
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.CANNOT_RUN);
        assertThat(r.get(0).ran()).isFalse();
        assertThat(r.get(0).cases()).isEmpty();
        assertThat(r.get(0).cannotRunReason()).isEqualTo("it needs swap on the host; this host has none (SwapTotal 0)");
        assertThat(r.get(0).headline()).startsWith("X1 cannot run on this host: it needs swap");
        assertThat(r.get(1).verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(Verdict.CANNOT_RUN.label()).isEqualTo("cannot run on this host");
    }

    @Test
    void theVmHostsClaimsWithoutCasesYetCannotRunHereAndSayWhy() {
        CgroupV1Host host = new CgroupV1Host();
        List<HypothesisResult> r = Hypothesis.runAll(List.of(Catalogue.byId("E10"), Catalogue.byId("E9")),
                Suite.on(host));
        assertThat(host.model.runs()).isZero();
        assertThat(r).extracting(HypothesisResult::verdict).containsOnly(Verdict.CANNOT_RUN);
        assertThat(r.get(0).cannotRunReason()).contains("cgroup v2").contains("cgroup v1");
        assertThat(r.get(1).cannotRunReason()).contains("global memory pressure");
    }
}
