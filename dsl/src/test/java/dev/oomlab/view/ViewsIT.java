package dev.oomlab.view;

import static dev.oomlab.dsl.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.display.Renderers;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.probe.Sample;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** One real run on the Docker engine, rendered as a card and a timeline PNG under target/. */
class ViewsIT {

    private static final Path OUT = Path.of("target", "views-it");

    @Test
    void aRealOomRendersAsACardAndATimeline() throws Exception {
        Result r = scenario().named("views IT: memory 256m, shm 64m, shm 32 + ram 400")
                .memory("256m").shm("64m").allocShm(32).allocRam(400).run();

        assertThat(r.outcome()).as(r.toString()).isEqualTo(Outcome.OOM);
        assertThat(r.predicted()).as("the runner attaches the model's own prediction").isEqualTo(Outcome.OOM);
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat(r.samples()).isNotEmpty();
        Sample last = r.samples().get(r.samples().size() - 1);
        // The kernel killed it near the limit, with the 32 MiB of shm still charged.
        assertThat(last.shmemMib()).isBetween(31.0, 33.0);
        assertThat(last.usageMib()).isBetween(200.0, 256.0);

        XYChart chart = Charts.timeline(r);
        assertThat(chart.getSeriesMap().keySet()).contains("shm", "anon", "memory limit 256 MiB", "shm-size 64 MiB",
                "end: OOM");
        Path png = Charts.png(chart, OUT.resolve("timeline-oom.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);

        MimeBundle card = Renderers.render(r); // through the per-type registry, as the kernel shows it
        String html = card.get(MimeBundle.HTML);
        assertThat(html).contains(">OOM</span>").contains("<b>137</b>").contains("32 / 32 MiB done")
                .contains("OOM here").contains("data:image/png;base64,").contains("cgroup v");
        Files.writeString(OUT.resolve("card-oom.html"),
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>");
    }
}
