package dev.oomlab.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.display.MimeBundle;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.dsl.Scenario;
import org.junit.jupiter.api.Test;

class ResultCardTest {

    @Test
    void cardShowsOutcomeEvidenceStepsAndTheTimeline() {
        Result r = Fixtures.oom().withPrediction(Fixtures.predict(Outcome.OOM));
        MimeBundle b = ResultCard.bundle(r);

        assertThat(b.get(MimeBundle.TEXT)).isEqualTo(r.toString());
        String html = b.get(MimeBundle.HTML);
        assertThat(html)
                .contains(">OOM</span>")
                .contains(OutcomeColors.hex(Outcome.OOM))
                .contains("memory 256m, shm 64m")
                .contains("exit code").contains("<b>137</b>")
                .contains("OOMKilled").contains("<b>true</b>")
                .contains("failcnt")
                .contains("32 / 32 MiB done")
                .contains("208 / 400 MiB")
                .contains("OOM here")
                .contains("agrees")
                .contains(Fixtures.ENV.describe().substring(0, 20))
                .contains("<img").contains("data:image/png;base64,");
        assertThat(html).doesNotContain("DISAGREES").doesNotContain("<script");
    }

    @Test
    void theCardSaysWhetherTheResultWasMeasuredNowOrReusedAndFromWhichRun() {
        Result now = Result.builder(Fixtures.ok().scenario()).outcome(Outcome.OK, "all steps done")
                .runId("ab12cd34").container("oomlab-ab12cd34-7").build();
        assertThat(ResultCard.html(now)).contains("measured now (run ab12cd34, container oomlab-ab12cd34-7)")
                .doesNotContain("REUSED");
        assertThat(ResultCard.html(now.asReused())).contains("REUSED")
                .contains("reused from run ab12cd34, container oomlab-ab12cd34-7, not run again");
        assertThat(now.asReused().toString()).contains("run:     reused from run ab12cd34");
    }

    @Test
    void aDisagreementWithTheModelIsPlain() {
        Result r = Fixtures.oom().withPrediction(Fixtures.predict(Outcome.OK));
        assertThat(ResultCard.html(r)).contains("DISAGREES");
    }

    @Test
    void textIsEscaped() {
        Result r = Fixtures.run(Scenario.scenario().named("<b>evil</b> & co").memory("256m").allocRam(10),
                Outcome.OK, 0, false, 10_000);
        String html = ResultCard.html(r);
        assertThat(html).contains("&lt;b&gt;evil&lt;/b&gt; &amp; co").doesNotContain("<b>evil</b>");
    }

    @Test
    void aRunWithoutSamplesHasNoChart() {
        Result r = Fixtures.ok();
        Result bare = Result.builder(r.scenario()).outcome(Outcome.ERROR, "the container never reported an exit code")
                .steps(r.steps()).duration(r.duration()).environment(r.environment()).build();
        String html = ResultCard.html(bare);
        assertThat(html).contains(">ERROR</span>").contains("<b>none</b>").contains("n/a").doesNotContain("<img");
    }

    @Test
    void aCgroupV2CardShowsWhatTheLabSetTheMemoryEventsAndTheSwapPeak() {
        String html = ResultCard.html(Fixtures.v2Swap(), false);
        assertThat(html).contains("set by the lab").contains("memory.high 410m")
                .contains("memory.events").contains("high 385, max 0, oom 0, oom_kill 0")
                // the highest sampled, not the exit report's: the worker had freed its memory by then
                .contains("swap peak sampled").contains("<b>92.0 MiB</b>")
                .doesNotContain("at last sample");
    }

    @Test
    void withoutAnExitReportTheEventsAreTheLastSamplesAndSaySo() {
        String html = ResultCard.html(Fixtures.v2SwapTimedOut(), false);
        assertThat(html).contains("memory.events at last sample").contains("high 385, max 0, oom 0, oom_kill 0")
                .contains("swap peak sampled");
    }

    @Test
    void aCgroupV1CardHasNoneOfIt() {
        String html = ResultCard.html(Fixtures.oom(), false);
        // "swap 0 MiB" is the host's, in the environment line
        assertThat(html).doesNotContain("memory.events").doesNotContain("swap peak").doesNotContain("set by the lab")
                .doesNotContain("cgroup v2").doesNotContain("memory.high");
    }
}
