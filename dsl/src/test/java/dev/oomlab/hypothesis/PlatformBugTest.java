package dev.oomlab.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.run.ModelRuntime;
import dev.oomlab.search.SweepListener;
import dev.oomlab.suite.Suite;
import org.junit.jupiter.api.Test;

/** The platform bug's run count on a fake runtime (the measurement itself is PlatformBugIT). */
class PlatformBugTest {

    @Test
    void theCurvesEndOnTheSearchesAndTheWholeBugTakesAtMost20Runs() {
        ModelRuntime rt = ModelRuntime.withOverhead(9);
        PlatformBugResult r = PlatformBug.seed().measureWithCurves(256, Suite.on(rt), SweepListener.NONE);
        assertThat(r.curves()).hasSize(2);
        assertThat(r.curves().get(0).points()).hasSize(5);
        assertThat(r.curves().get(0).points().get(4).boundary()).isSameAs(r.asIs());
        assertThat(r.curves().get(1).points().get(4).boundary()).isSameAs(r.toBe());
        // 2 searches of 3 runs, 2 x 4 curve points of one kill run each
        assertThat(r.runs()).isEqualTo(14).isEqualTo(rt.runs());
        assertThat(r.asIs().mib()).isEqualTo(2039);
        assertThat(r.toBe().mib()).isEqualTo(3063);
    }
}
