package dev.oomlab.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.display.Renderers;
import dev.oomlab.host.Host;
import dev.oomlab.model.LimitModel;
import dev.oomlab.result.Outcome;
import dev.oomlab.run.ModelRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side logic on two fake hosts (the model answering; a real comparison is VmHostIT's
 * and verify's): rows per case, one outcome per host, the differences, the view.
 */
class HostComparisonTest {

    private static final Host EXACT = Host.of("exact", ModelRuntime.exact());
    /** A host that never kills: every case OK, so every case the seed saw killed differs. */
    private static final Host NEVER_KILLS = Host.of("lenient", ModelRuntime.answering(s -> Outcome.OK));

    @Test
    void eachCaseGetsOneOutcomePerHostAndTheDifferencesStandOut() {
        HostComparison c = Catalogue.byId("H4").runOn(EXACT, NEVER_KILLS);
        assertThat(c.hostNames()).containsExactly("exact", "lenient");
        assertThat(c.rows()).hasSize(2);
        HostComparison.Row ok = c.rows().get(0);
        assertThat(ok.outcomes()).containsEntry("exact", LimitModel.SEED.outcome(
                Catalogue.byId("H4").scenarios().get(0).spec())).containsEntry("lenient", Outcome.OK);
        assertThat(c.differences()).extracting(HostComparison.Row::testCase).containsExactly("shm 800 + ram 1300");
        assertThat(c.toString()).contains("DIFFERS").contains("exact", "lenient");
    }

    @Test
    void theComparisonRendersAsHtmlWithOneColumnPerHost() {
        HostComparison c = Catalogue.byId("H4").runOn(EXACT, NEVER_KILLS);
        String html = Renderers.render(c).get("text/html"); // through the per-type registry
        assertThat(html).contains("<th", "exact", "lenient", "Cases whose outcome differs between hosts", "differs");
    }

    @Test
    void aComparisonNeedsAHost() {
        assertThatThrownBy(() -> Catalogue.byId("H4").runOn())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hosts:");
    }

    @Test
    void theHostsRunAtOnceEachInItsOwnSuite() {
        List<Hypothesis> seed = Catalogue.all();
        HostComparison c = HostComparison.run(seed, List.of(EXACT, NEVER_KILLS));
        assertThat(c.rows()).hasSize(Catalogue.caseCount());
        assertThat(c.hosts().get(1).hypotheses()).allSatisfy(h ->
                h.cases().forEach(cr -> assertThat(cr.observed()).isEqualTo(Outcome.OK)));
    }
}
