package dev.oomlab.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.result.Environment;
import org.junit.jupiter.api.Test;

class HostNeedTest {

    private static Environment host(int cgroup, long memoryMib, long swapMib) {
        return new Environment("local", "6.1.0-test", cgroup, "20.10.24", "1.41", "runc", "Debian", "x86_64",
                memoryMib << 20, swapMib < 0 ? -1 : swapMib << 20);
    }

    @Test
    void thisProjectsHostOffersCgroupV1AndNothingElseTheVmHostHas() {
        Environment here = host(1, 24105, 0);
        assertThat(HostNeed.CGROUP_V1.reasonUnmet(here)).isNull();
        assertThat(HostNeed.CGROUP_V2.reasonUnmet(here)).contains("needs cgroup v2").contains("reports cgroup v1");
        assertThat(HostNeed.SWAP.reasonUnmet(here)).contains("has none (SwapTotal 0)");
        assertThat(HostNeed.GLOBAL_PRESSURE.reasonUnmet(here)).contains("a host the lab booted for itself");
    }

    @Test
    void aSmallCgroupV2HostWithSwapOffersTheRest() {
        Environment vm = host(2, 2048, 1024);
        assertThat(HostNeed.CGROUP_V2.reasonUnmet(vm)).isNull();
        assertThat(HostNeed.SWAP.reasonUnmet(vm)).isNull();
        // its size does not make a host the lab's own: only the runtime of a VM the lab booted says so
        assertThat(HostNeed.GLOBAL_PRESSURE.reasonUnmet(vm)).contains("does not tell whose host it is");
        assertThat(HostNeed.CGROUP_V1.reasonUnmet(vm)).contains("needs cgroup v1").contains("reports cgroup v2");
    }

    @Test
    void anUnknownHostOffersNothingItCannotShow() {
        Environment unknown = Environment.unknown();
        for (HostNeed need : HostNeed.values()) {
            assertThat(need.reasonUnmet(unknown)).as("%s", need).isNotNull();
        }
        assertThat(HostNeed.SWAP.reasonUnmet(unknown)).contains("could not be read");
    }

    @Test
    void aHypothesisSaysEveryReasonItCannotRun() {
        Hypothesis e16 = Catalogue.byId("E16");
        assertThat(e16.cannotRunOn(host(1, 24105, 0))).contains("cgroup v2").contains("global memory pressure");
        // on v2 only the host's ownership is left, which an environment alone cannot show
        assertThat(e16.cannotRunOn(host(2, 2048, 0))).doesNotContain("cgroup v2").contains("global memory pressure");
    }
}
