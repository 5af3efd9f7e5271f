package dev.oomlab.kernel.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private final History history = new History();

    HistoryTest() {
        history.add(1, "1+1", "2");
        history.add(2, "int x = 3;", null);
        history.add(3, "1+1", "2");
        history.add(4, "x", "3");
    }

    @Test
    void tailGivesTheLastEntries() {
        assertThat(history.tail(2)).extracting(History.Entry::line).containsExactly(3, 4);
        assertThat(new History().tail(10)).isEmpty();
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertThat(history.range(0, 2, 4)).extracting(History.Entry::line).containsExactly(2, 3);
        assertThat(history.range(History.SESSION, 3, null)).extracting(History.Entry::line).containsExactly(3, 4);
        assertThat(history.range(7, 0, null)).isEmpty();
    }

    @Test
    void searchMatchesGlobsOnTheWholeInput() {
        assertThat(history.search("1?1", 0, false)).extracting(History.Entry::line).containsExactly(1, 3);
        assertThat(history.search("1?1", 0, true)).extracting(History.Entry::line).containsExactly(3);
        assertThat(history.search("*x*", 1, false)).extracting(History.Entry::line).containsExactly(4);
        assertThat(history.search("1+", 0, false)).isEmpty();
    }
}
