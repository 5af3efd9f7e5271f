package dev.oomlab.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.hypothesis.HypothesisResult;
import org.junit.jupiter.api.Test;

class HypothesisViewTest {

    @Test
    void theDecidingCaseOfARejectionIsItsCounterExample() {
        HypothesisResult h = Fixtures.rejected();
        assertThat(HypothesisView.decidingCase(h)).get().extracting(c -> c.testCase().name())
                .isEqualTo("shm 32 + ram 400");
    }

    @Test
    void theDecidingCaseOfASupportIsTheOneThatCouldHaveRejectedIt() {
        HypothesisResult h = Fixtures.supportedNotAsSeed();
        assertThat(HypothesisView.decidingCase(h)).get().extracting(c -> c.testCase().name()).isEqualTo("ram 400");
    }

    @Test
    void theTableMarksMismatchesAndDisagreements() {
        MimeBundle b = HypothesisView.bundle(Fixtures.supportedNotAsSeed());
        assertThat(b.get(MimeBundle.TEXT)).startsWith("H3 SUPPORTED");
        assertThat(b.get(MimeBundle.HTML))
                .contains(">SUPPORTED</span>")
                .contains("DIFFERS FROM THE SEED")
                .contains("MISMATCH")
                .contains("\u2260")
                .doesNotContain("<img");
        assertThat(HypothesisView.bundleWithChart(Fixtures.rejected()).get(MimeBundle.HTML))
                .contains("deciding case: shm 32 + ram 400").contains("data:image/png;base64,")
                .doesNotContain("DIFFERS FROM THE SEED");
    }

    @Test
    void sweepsBoundariesAndThePlatformBugRender() {
        var bug = Fixtures.platformBug(true);
        assertThat(PlatformBugView.bundle(bug).get(MimeBundle.HTML)).contains("128 MiB").contains("<img");
        assertThat(SweepView.bundle(bug.curves()).get(MimeBundle.HTML)).contains("slope").contains("<img");
        assertThat(BoundaryView.bundle(bug.asIs()).get(MimeBundle.HTML)).contains("126 MiB").contains("exact to 1 MiB");
    }
}
