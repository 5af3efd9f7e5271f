package dev.oomlab.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.dsl.Scenario;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsTest {

    @Test
    void timelineStacksShmUnderAnonAndDrawsBothLimitsAndTheEnd() {
        XYChart chart = Charts.timeline(Fixtures.oom());
        assertThat(chart.getSeriesMap().keySet())
                .containsExactly("shm", "anon", "usage", "memory limit 256 MiB", "shm-size 64 MiB", "end: OOM");
        assertThat(chart.getTitle()).isEqualTo("shm 32, then ram 400 \u2192 OOM");
        assertThat(chart.getXAxisTitle()).contains("(s)");
        assertThat(chart.getYAxisTitle()).contains("MiB");
        // The anon band sits on the shm band: its top is shm + anon at the last sample (32 + 208 MiB).
        double[] anonTop = chart.getSeriesMap().get("anon").getYData();
        assertThat(anonTop).contains(240.0);
    }

    @Test
    void anOkRunHasNoEndMarkAndAnUnsizedTmpfsNoShmLine() {
        Result ok = Fixtures.run(Scenario.scenario().memory("256m").tmpfsShm().allocShm(32), Outcome.OK, 0, false,
                10_000);
        XYChart chart = Charts.timeline(ok);
        assertThat(chart.getSeriesMap().keySet()).containsExactly("shm", "usage", "memory limit 256 MiB");
    }

    @Test
    void aCgroupV2RunAddsSwapOnTopMemoryHighAndTheStallRateOnARightAxis() {
        XYChart chart = Charts.timeline(Fixtures.v2Swap());
        assertThat(chart.getSeriesMap().keySet())
                .containsExactly("anon", "swap", "usage", "memory limit 512 MiB", "shm-size 64 MiB",
                        "memory.high 410 MiB", TimelineChart.PRESSURE_SERIES);
        // Swap sits on what is in RAM: at the last sample 408 MiB anon + 92 MiB swapped out.
        assertThat(chart.getSeriesMap().get("swap").getYData()).contains(500.0);
        assertThat(chart.getYAxisTitle()).contains("swap");
        XYSeries pressure = chart.getSeriesMap().get(TimelineChart.PRESSURE_SERIES);
        assertThat(pressure.getYAxisGroup()).isEqualTo(1);
        assertThat(chart.getYAxisGroupTitle(1)).contains("% of wall time");
        // No stall while anon climbs under memory.high; 300 ms of 400 once it swaps.
        assertThat(pressure.getYData()).startsWith(0.0).endsWith(75.0);
        assertThat(chart.getStyler().getYAxisMax(1)).isEqualTo(100.0);
    }

    @Test
    void withoutSwapInUseThereIsNoSwapBandButPressureAndMemoryHighStay() {
        Result r = Fixtures.v2Swap();
        List<Sample> noSwap = r.samples().stream().map(s -> new Sample(s.event(), s.step(), s.kind(), s.doneBytes(),
                s.targetBytes(), s.timeMicros(), s.usage(), s.limit(), s.maxUsage(), s.failcnt(), s.shmem(), s.anon(),
                s.file(), s.oomKill(), s.underOom(), s.psiSomeMicros(), s.psiFullMicros(), new Sample.V2(
                        s.v2().highLimit(), 0, s.v2().eventsHigh(), 0, 0, 0))).toList();
        XYChart chart = Charts.timeline(Result.builder(r.scenario()).outcome(Outcome.OK, "all steps done, exit 0")
                .steps(r.steps()).samples(noSwap).environment(r.environment()).build());
        assertThat(chart.getSeriesMap().keySet()).doesNotContain("swap")
                .contains("memory.high 410 MiB", TimelineChart.PRESSURE_SERIES);
        assertThat(chart.getYAxisTitle()).doesNotContain("swap");
    }

    @Test
    void aCgroupV1RunHasNoneOfTheV2Series() {
        XYChart chart = Charts.timeline(Fixtures.oom());
        assertThat(chart.getSeriesMap().keySet()).doesNotContain("swap", TimelineChart.PRESSURE_SERIES)
                .noneMatch(k -> k.startsWith("memory.high"));
        assertThat(chart.getSeriesMap().values()).allMatch(s -> s.getYAxisGroup() == 0);
    }

    @Test
    void theStallRateIsTheGrowthOfThePsiTotalOverWallTime() {
        List<Sample> samples = List.of(psi(0, 0), psi(100_000, 0), psi(300_000, 50_000), psi(300_000, 50_000),
                psi(300_400, 50_000), psi(400_000, 160_000), psi(500_000, -1));
        StallRate rate = StallRate.of(samples, new double[] {0, 1, 2, 3, 4, 5, 6}).orElseThrow();
        // 0 of 100 ms, 50 of 200 ms; nothing over the next 0 and 0.4 ms (too short to tell: they join
        // the next interval); 110 of 100 ms (the clock read before the counters) kept at 100 %;
        // nothing where PSI is unknown.
        assertThat(rate.x()).containsExactly(1, 2, 5);
        assertThat(rate.percent()).containsExactly(0.0, 25.0, 100.0);
        assertThat(StallRate.of(Fixtures.oom().samples(), new double[Fixtures.oom().samples().size()])).isEmpty();
    }

    @Test
    void aStepsEndReportedJustAfterItsLastProgressDoesNotDropTheRateToZero() {
        List<Sample> samples = List.of(psi(0, 0), psi(400_000, 300_000), psi(400_450, 300_000), psi(400_560, 300_000));
        StallRate rate = StallRate.of(samples, new double[] {0, 1, 2, 3}).orElseThrow();
        assertThat(rate.percent()).containsExactly(75.0);
    }

    @Test
    void aCrowdedLegendStaysInsideTheImage() {
        XYChart chart = Charts.timeline(Fixtures.v2SwapTimedOut());
        assertThat(LegendFit.width(chart)).isLessThanOrEqualTo(ChartStyle.WIDTH - 60);
        // the series keep their names; only what the legend shows is shorter
        assertThat(chart.getSeriesMap().get("memory limit 512 MiB").getLabel()).isEqualTo("limit 512 MiB");
        assertThat(LegendFit.breakNearMiddle("memory stall (PSI some)")).isEqualTo("memory stall\n(PSI some)");
    }

    private static Sample psi(long t, long some) {
        return new Sample(ProbeEvent.PROGRESS, 0, "ram", 0, 0, t, 0, 0, 0, 0, 0, 0, 0, 0, 0, some, some);
    }

    @Test
    void timelineByMibDoneCountsEveryStep() {
        XYChart chart = Charts.timelineByMibDone(Fixtures.ok());
        double[] x = chart.getSeriesMap().get("usage").getXData();
        assertThat(x[x.length - 1]).isEqualTo(132.0);
    }

    /** A v1 OOM and a v2 run with swap, memory.high and PSI (a second y axis) both render at 800 x 450. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void pngIs800By450(boolean v2, @TempDir Path dir) throws Exception {
        Path png = Charts.png(Charts.timeline(v2 ? Fixtures.v2Swap() : Fixtures.oom()), dir.resolve("sub/t.png"));
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
    }

    @Test
    void capacityDrawsEverySweepBesideItsModel() {
        XYChart chart = Charts.capacity(Fixtures.platformBug(true).curves());
        assertThat(chart.getSeriesMap()).hasSize(4);
        assertThat(chart.getSeriesMap().keySet()).anyMatch(k -> k.startsWith("AS-IS (slope -1.00"))
                .contains("model: AS-IS", "model: TO-BE");
        assertThat(chart.getSeriesMap().values().iterator().next().getYData()).containsExactly(254.0, 190.0, 126.0);
    }

    @Test
    void platformBugWithoutCurvesIsTwoStackedBars() {
        assertThat(Charts.platformBugBars(Fixtures.platformBug(false)).getSeriesMap().keySet())
                .containsExactly("shm in use", "largest app RAM that ends OK (measured)");
        assertThat(Charts.platformBugPng(Fixtures.platformBug(true))).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void boundaryChartShowsEveryRun() {
        XYChart chart = Charts.boundary(Fixtures.platformBug(false).asIs());
        assertThat(chart.getSeriesMap().keySet()).contains("OK", "OOM", "largest OK 126 MiB", "model 128 MiB");
    }

    @Test
    void capacityRefusesNothing() {
        assertThatThrownBy(() -> Charts.capacity(java.util.List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sweeps");
    }
}
