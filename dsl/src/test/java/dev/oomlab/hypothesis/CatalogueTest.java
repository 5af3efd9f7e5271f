package dev.oomlab.hypothesis;

import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.result.Outcome;
import dev.oomlab.spec.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void holdsH1ToH8WithThe22CasesOfTheSeedDocument() {
        assertThat(Catalogue.ids()).containsExactly("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8");
        assertThat(Catalogue.caseCount()).isEqualTo(22);
        assertThat(Catalogue.all()).extracting(h -> h.cases().size()).containsExactly(2, 2, 2, 2, 2, 4, 4, 4);
    }

    @Test
    void h4FollowsTheDocumentNotTheScript() {
        Hypothesis h4 = Catalogue.byId("h4");
        assertThat(h4.base().limitsText()).isEqualTo("memory 2g, shm 1g");
        assertThat(h4.cases().get(0).steps()).containsExactly(new Step.AllocShm(800), new Step.AllocRam(1100));
        assertThat(h4.cases().get(1).steps()).containsExactly(new Step.AllocShm(800), new Step.AllocRam(1300));
        assertThat(h4.cases().get(1).ifTrue()).isEqualTo(OK);
        assertThat(h4.cases().get(1).ifFalse()).isEqualTo(OOM);
    }

    @Test
    void h8FreesShmBeforeTheApp() {
        assertThat(Catalogue.byId("H8").cases().get(1).steps())
                .containsExactly(new Step.AllocShm(700), new Step.FreeShm(), new Step.AllocRam(500));
    }

    @Test
    void theSeedsVerdictsFollowFromItsObservationsByTheRule() {
        for (Hypothesis h : Catalogue.all()) {
            List<Outcome> seen = h.cases().stream().map(Case::seedObserved).toList();
            assertThat(Verdict.judge(h.cases(), seen)).as(h.id()).isEqualTo(h.seedVerdict());
        }
        assertThat(Catalogue.all()).extracting(Hypothesis::seedVerdict).containsExactly(Verdict.REJECTED,
                Verdict.SUPPORTED, Verdict.SUPPORTED, Verdict.REJECTED, Verdict.SUPPORTED, Verdict.SUPPORTED,
                Verdict.SUPPORTED, Verdict.SUPPORTED);
    }

    @Test
    void everyCaseScenarioIsValidAndNamed() {
        for (Hypothesis h : Catalogue.all()) {
            h.scenarios().forEach(s -> {
                s.validate();
                assertThat(s.name()).startsWith(h.id() + ": ");
            });
        }
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> Catalogue.byId("H9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H9").hasMessageContaining("H1, H2");
    }

    @Test
    void thePlatformBugIsTheSeeds() {
        PlatformBug bug = Catalogue.platformBug();
        assertThat(bug.asIs().limitsText()).isEqualTo("memory 3g, shm 1g");
        assertThat(bug.toBe().limitsText()).isEqualTo("memory 4g, shm 1g");
        assertThat(bug.asIs().steps()).containsExactly(new Step.AllocShm(1024));
    }

    @Test
    void e8AndE11AreCasesOfSeveralContainersCheckedAsAWhole() {
        for (String id : List.of("E8", "E11")) {
            for (Case c : Catalogue.byId(id).cases()) {
                assertThat(c.hasContainers()).as(id).isTrue();
                c.containers().validate();
                assertThat(c.containers().container(c.observed()).name()).isEqualTo(c.observed());
            }
        }
        assertThat(Catalogue.byId("E8").cases()).allSatisfy(c -> assertThat(c.containers().alongside()).isTrue());
        List<Case> e11 = Catalogue.byId("E11").cases();
        assertThat(e11.get(0).containers()).as("one set, run once, read twice").isEqualTo(e11.get(1).containers());
        assertThat(e11.get(0).containers().alongside()).isFalse();
        assertThat(e11.get(0).containers().names()).containsExactly("first", "second");
    }

    @Test
    void theExtendedCatalogueHoldsThisHostsPartAndTheVmHostsClaims() {
        // in number order: verify's report and the notebooks list them so
        assertThat(Catalogue.extendedIds()).containsExactly("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10",
                "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E18", "E19", "E20", "E21", "E22", "E23", "E24", "E25",
                "E26", "E27", "E28");
        assertThat(Catalogue.byId("e4")).isSameAs(Catalogue.extended().get(3));
        assertThat(Catalogue.byId("E5").needs()).containsExactly(HostNeed.CGROUP_V1);
        assertThat(Catalogue.byId("E6").needs()).containsExactly(HostNeed.SWAP);
        assertThat(Catalogue.byId("E18").needs()).containsExactly(HostNeed.CGROUP_V2, HostNeed.SWAP);
        assertThat(Catalogue.byId("E10").needs()).containsExactly(HostNeed.CGROUP_V2, HostNeed.SWAP);
        assertThat(Catalogue.byId("E26").needs()).containsExactly(HostNeed.CGROUP_V2, HostNeed.SWAP);
        for (String id : List.of("E15", "E17")) {
            assertThat(Catalogue.byId(id).needs()).as(id).containsExactly(HostNeed.CGROUP_V2);
        }
        for (String id : List.of("E9", "E16", "E27", "E28")) {
            assertThat(Catalogue.byId(id).needs()).as(id).containsExactly(HostNeed.CGROUP_V2, HostNeed.GLOBAL_PRESSURE);
            assertThat(Catalogue.byId(id).cases()).as(id).allSatisfy(c -> assertThat(c.hostSized()).isNotNull());
        }
        // every hypothesis now has cases: none waits for a host that could run it
        assertThat(Catalogue.extended()).allSatisfy(h -> assertThat(h.cases()).as(h.id()).isNotEmpty());
    }

    @Test
    void aHostSizedCaseScalesItsContainersToTheHostItRunsOn() {
        Case pressure = Catalogue.byId("E16").cases().get(0);
        Case onSixGig = pressure.forHost(5925);
        assertThat(pressure.containers().container("b").limits().memory().wholeMib()).as("nominal 2 GiB host")
                .isEqualTo(2048 * 80 / 100);
        assertThat(onSixGig.containers().container("b").limits().memory().wholeMib()).isEqualTo(5925 * 80 / 100);
        assertThat(onSixGig.containers().container("a").limits().cgroupV2().min().wholeMib()).isEqualTo(5925 * 40 / 100);
        assertThat(onSixGig.containers().container("a").limits().cgroupV2().parentProtected()).isTrue();
        assertThat(onSixGig.containers().name()).isEqualTo("E16");
        assertThat(onSixGig.name()).isEqualTo(pressure.name());
        Case plain = Catalogue.byId("E4").cases().get(0);
        assertThat(plain.forHost(5925)).isSameAs(plain);
    }

    @Test
    void everyExtendedHypothesisThatNeedsNothingSpecialHasCasesWithTwoOutcomesThatDiffer() {
        for (Hypothesis h : Catalogue.extended()) {
            if (h.needs().isEmpty()) {
                assertThat(h.cases()).as(h.id()).isNotEmpty();
                assertThat(h.cases()).as("%s has a case that can reject it", h.id())
                        .anyMatch(c -> !c.ifTrueText().equals(c.ifFalseText()));
            }
        }
    }

    @Test
    void aCaseWithLimitsOfItsOwnKeepsTheBaseForTheRest() {
        Hypothesis e22 = Catalogue.byId("E22");
        List<dev.oomlab.dsl.Scenario> s = e22.scenarios();
        assertThat(s.get(0).limitsText()).isEqualTo("memory 1g, shm tmpfs (no size)");
        assertThat(s.get(2).limitsText()).isEqualTo("memory 1g, shm tmpfs 256m");
        assertThat(s.get(3).limitsText()).isEqualTo("memory 512m, shm tmpfs 1g");
        assertThat(s.get(3).stepsText()).isEqualTo("statfs /dev/shm, then shm 700");
        assertThat(Catalogue.byId("E21").scenarios().get(3).limitsText()).contains("kernel-memory 6m");
    }

    @Test
    void unknownIdsNameBothCatalogues() {
        assertThatThrownBy(() -> Catalogue.byId("E99")).hasMessageContaining("H8").hasMessageContaining("E22");
    }
}
