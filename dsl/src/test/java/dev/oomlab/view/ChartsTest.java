package dev.oomlab.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.dsl.Scenario;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

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
    void timelineByMibDoneCountsEveryStep() {
        XYChart chart = Charts.timelineByMibDone(Fixtures.ok());
        double[] x = chart.getSeriesMap().get("usage").getXData();
        assertThat(x[x.length - 1]).isEqualTo(132.0);
    }

    @Test
    void pngIs800By450(@TempDir Path dir) throws Exception {
        Path png = Charts.png(Charts.timeline(Fixtures.oom()), dir.resolve("sub/t.png"));
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
