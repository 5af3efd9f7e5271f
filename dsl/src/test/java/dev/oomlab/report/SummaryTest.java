package dev.oomlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.view.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void countsEveryHypothesisAndCaseOnce() {
        Summary s = Summary.of(List.of(Fixtures.rejected(), Fixtures.supportedNotAsSeed()));
        assertThat(s).isEqualTo(new Summary(2, 1, 4, 1, 1));
        assertThat(s.reproducesSeed()).isFalse();
        assertThat(s.hasMarkedCases()).isTrue();
    }

    @Test
    void aRunAsTheSeedHasNothingToMark() {
        Summary s = Summary.of(List.of(Fixtures.rejected()));
        assertThat(s.reproducesSeed()).isTrue();
        assertThat(s.hasMarkedCases()).isFalse();
    }
}
