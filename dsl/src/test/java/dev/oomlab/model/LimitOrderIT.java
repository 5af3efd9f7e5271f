package dev.oomlab.model;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.suite.Suite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which limit a shm case meets first, on the real engine, beside the model's answer. Measured here
 * first (cgroup v1, Linux 6.x): shm-size equal to memory is an OOM kill, not SIGBUS (the cgroup also
 * holds the probe's pages and page tables and fills at about 1019 MiB of shm under 1g), and a
 * shm-size 24 MiB below memory is SIGBUS.
 */
class LimitOrderIT {

    @Test
    void shmPastBothLimitsMeetsTheCgroupFirstWhenShmSizeEqualsMemory() {
        List<Result> r = Suite.defaults().run(List.of(
                scenario().memory("1g").shm("1g").allocShm(1100),
                scenario().memory("1g").shm("1g").allocShm(520).allocShm(630),
                scenario().memory("1g").shm("1000m").allocShm(1030)));
        r.forEach(x -> System.out.println(x.headline() + " | model " + x.prediction()));
        assertThat(r).extracting(Result::outcome).containsExactly(Outcome.OOM, Outcome.OOM, Outcome.SIGBUS);
        assertThat(r).allSatisfy(x -> assertThat(x.disagreesWithModel()).as(x.scenario().toString()).isFalse());
        // where the cgroup filled: shm short of 1024 MiB by what the cgroup holds besides it
        assertThat(r.get(0).exitReport().shmem()).isBetween(1014L << 20, 1023L << 20);
    }
}
