package dev.oomlab.host;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.run.ModelRuntime;
import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.spec.Limits;
import dev.oomlab.spec.ScenarioSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A slow host lengthens only the timeouts scenarios left at the default. */
class HostTimeoutTest {

    private static final Host SLOW = new Host() {
        private final ContainerRuntime runtime = ModelRuntime.exact();

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public ContainerRuntime runtime() {
            return runtime;
        }

        @Override
        public Duration defaultTimeout() {
            return Duration.ofMinutes(5);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void theDefaultTimeoutBecomesTheHostsAndAnOwnTimeoutStays() {
        ScenarioSpec plain = scenario().memory("1g").allocRam(100).spec();
        assertThat(plain.limits().timeout()).isEqualTo(Limits.DEFAULT_TIMEOUT);
        assertThat(SLOW.adapt(plain).limits().timeout()).isEqualTo(Duration.ofMinutes(5));
        ScenarioSpec own = scenario().memory("1g").timeout("20s").allocRam(100).spec();
        assertThat(SLOW.adapt(own)).isEqualTo(own);
        assertThat(Host.of("fast", ModelRuntime.exact()).adapt(plain)).isEqualTo(plain);
    }
}
