package dev.oomlab.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The study: every case of H1-H8 on the real Docker engine, as one parallel batch. Each case must
 * observe what the seed observed and each hypothesis must reach the seed's verdict; a host that
 * behaves otherwise fails here naming the case, and prints the whole table.
 */
class HypothesisIT {

    private static List<HypothesisResult> results;
    private static double seconds;

    @BeforeAll
    static void runTheCatalogue() {
        long t0 = System.nanoTime();
        results = Hypothesis.runAll(Catalogue.all(), Suite.defaults());
        seconds = (System.nanoTime() - t0) / 1e9;
        results.forEach(r -> System.out.println(r + "\n"));
        System.out.printf("H1-H8: %d cases in %.2f s (parallelism %d)%n", Catalogue.caseCount(), seconds,
                Suite.DEFAULT_PARALLELISM);
    }

    @TestFactory
    Stream<DynamicNode> everyCaseObservesWhatTheSeedObservedAndEveryVerdictIsTheSeeds() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (HypothesisResult r : results) {
            List<DynamicNode> checks = new ArrayList<>();
            for (CaseResult c : r.cases()) {
                checks.add(DynamicTest.dynamicTest(c.testCase().name(), () -> {
                    assertThat(c.observed()).as("%s %s: %s", r.hypothesis().id(), c.testCase().name(),
                            c.result().headline()).isEqualTo(c.testCase().seedObserved());
                    assertThat(c.predicted()).as("the model, run once by the runner, predicts the seed's outcome")
                            .isEqualTo(c.testCase().seedObserved());
                    assertThat(c.result().environment().cgroupVersion()).isPositive();
                }));
            }
            checks.add(DynamicTest.dynamicTest("verdict " + r.hypothesis().seedVerdict(),
                    () -> assertThat(r.verdict()).as(r.headline()).isEqualTo(r.hypothesis().seedVerdict())));
            nodes.add(DynamicContainer.dynamicContainer(r.hypothesis().id(), checks));
        }
        assertThat(nodes).hasSize(8);
        return nodes.stream();
    }
}
