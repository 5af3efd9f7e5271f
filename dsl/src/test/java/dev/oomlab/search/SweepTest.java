package dev.oomlab.search;

import dev.oomlab.run.ModelRuntime;
import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.suite.Suite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void theCapacityCurveOfASharedPoolHasSlopeMinusOne() {
        SweepResult r = Sweep.shmInUse(scenario().memory("2g").shm("1g"), 0, 1000, 100)
                .suite(Suite.on(ModelRuntime.exact()).parallelism(4)).maxRam();
        assertThat(r.points()).extracting(SweepPoint::x).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L,
                800L, 900L, 1000L);
        assertThat(r.points()).extracting(SweepPoint::y).containsExactly(2048.0, 1948.0, 1848.0, 1748.0, 1648.0,
                1548.0, 1448.0, 1348.0, 1248.0, 1148.0, 1048.0);
        assertThat(r.slope()).isEqualTo(-1.0);
        assertThat(r.isCapacity()).isTrue();
        assertThat(r.measure()).isEqualTo("max RAM (MiB)");
        assertThat(r.runs()).isEqualTo(33);
    }

    @Test
    void killPointOnlyCostsOneRunPerPointAndSaysSo() {
        SweepResult r = Sweep.shmInUse(scenario().memory("2g").shm("1g"), 0, 1000, 250)
                .suite(Suite.on(ModelRuntime.withOverhead(8))).killPointOnly().maxRam();
        assertThat(r.points()).extracting(SweepPoint::y).containsExactly(2040.0, 1790.0, 1540.0, 1290.0, 1040.0);
        assertThat(r.runs()).isEqualTo(5);
        assertThat(r.points()).allSatisfy(p -> {
            assertThat(p.boundary().bracketed()).isFalse();
            assertThat(p.boundary().method()).endsWith("not confirmed");
        });
    }

    @Test
    void aPointAlreadySearchedIsReusedNotRunAgain() {
        ModelRuntime rt = ModelRuntime.exact();
        var base = scenario().memory("2g").shm("1g");
        var end = BoundarySearchAccess.search(rt, base.allocShm(1000).named("searched before"));
        SweepResult r = Sweep.shmInUse(base, 0, 1000, 500).suite(Suite.on(rt)).reusing(List.of(end)).maxRam();
        assertThat(r.points().get(2).boundary()).isSameAs(end);
        assertThat(rt.runs()).isEqualTo(3 + 2 * 3);
    }

    @Test
    void anOutcomeSweepRecordsOneRunPerPoint() {
        SweepResult r = Sweep.over("ram (MiB)", 900, 1200, 100, x -> scenario().memory("1g").allocRam((int) x))
                .suite(Suite.on(ModelRuntime.exact())).outcomes();
        assertThat(r.points()).extracting(SweepPoint::outcome)
                .containsExactly(Outcome.OK, Outcome.OK, Outcome.OOM, Outcome.OOM);
        assertThat(r.isCapacity()).isFalse();
        assertThat(r.slope()).isNaN();
        assertThat(r.points()).allSatisfy(p -> assertThat(p.result().predicted()).isEqualTo(p.outcome()));
    }

    @Test
    void theListenerHearsEveryPoint() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        Sweep.shmInUse(scenario().memory("1g").shm("1g"), 0, 400, 200).suite(Suite.on(ModelRuntime.exact()))
                .listener(new SweepListener() {
                    @Override
                    public void point(SweepPoint point, int done, int total) {
                        heard.add(done + "/" + total);
                    }
                }).maxRam();
        assertThat(heard).containsExactlyInAnyOrder("1/3", "2/3", "3/3");
    }

    @Test
    void badRangesFailNamingTheField() {
        assertThatThrownBy(() -> Sweep.over("x", 0, 10, 0, x -> scenario())).hasMessageStartingWith("step:");
        assertThatThrownBy(() -> Sweep.over("x", 10, 0, 1, x -> scenario())).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> Sweep.shmInUse(scenario(), -1, 0, 1)).hasMessageStartingWith("from:");
    }
}
