package dev.oomlab.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.model.LimitModel;
import dev.oomlab.spec.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomScenariosTest {

    @Test
    void aSeedGivesTheSameScenariosEveryTime() {
        assertThat(RandomScenarios.seeded(7).take(20)).isEqualTo(RandomScenarios.seeded(7).take(20));
        assertThat(RandomScenarios.seeded(7).take(20)).isNotEqualTo(RandomScenarios.seeded(8).take(20));
        // a longer draw starts with the shorter one, so "take(n).get(i)" reproduces case i
        assertThat(RandomScenarios.seeded(7).take(30).subList(0, 20)).isEqualTo(RandomScenarios.seeded(7).take(20));
    }

    @Test
    void everyScenarioIsValidAndWithinTheSizesAHostRunsQuickly() {
        List<Scenario> drawn = RandomScenarios.seeded(1).take(500);
        for (Scenario s : drawn) {
            s.validate();
            long memMib = s.limits().memory().bytes() >> 20;
            assertThat(memMib).as(s.toString()).isBetween(64L, 512L);
            assertThat(s.limits().effectiveMemorySwap()).isEqualTo(s.limits().memory()); // no swap asked
            assertThat(s.steps()).hasSizeBetween(1, RandomScenarios.MAX_STEPS);
            for (Step step : s.steps()) {
                if (step.allocatesRam() || step.allocatesShm()) {
                    assertThat(step.targetBytes() >> 20).isBetween(16L, 600L);
                }
            }
            assertThat(s.name()).startsWith("random 1/");
        }
    }

    @Test
    void aDrawCoversEveryOutcomeTheModelKnowsForThem() {
        Set<dev.oomlab.result.Outcome> seen = EnumSet.noneOf(dev.oomlab.result.Outcome.class);
        RandomScenarios.seeded(20261206L).take(16).forEach(s -> seen.add(LimitModel.SEED.outcome(s.spec())));
        assertThat(seen).contains(dev.oomlab.result.Outcome.OK, dev.oomlab.result.Outcome.OOM,
                dev.oomlab.result.Outcome.SIGBUS);
    }

    @Test
    void aNegativeCountIsRefusedNamingIt() {
        assertThatThrownBy(() -> RandomScenarios.seeded(1).take(-1)).hasMessageContaining("count").hasMessageContaining("-1");
    }
}
