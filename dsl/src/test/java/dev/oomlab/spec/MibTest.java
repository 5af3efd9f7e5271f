package dev.oomlab.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.spec.Size;
import org.junit.jupiter.api.Test;

class MibTest {

    @Test
    void convertsWithSizesMib() {
        long bytes = 241 * Size.MIB + Size.MIB / 2;
        assertThat(Mib.of(bytes)).isEqualTo(241.5);
        assertThat(Mib.whole(bytes)).isEqualTo(241);
        assertThat(Mib.tenths(bytes + Size.MIB / 100)).isEqualTo(241.5);
        assertThat(Mib.text(bytes, 1)).isEqualTo("241.5 MiB");
        assertThat(Mib.text(241.0, 0)).isEqualTo("241 MiB");
    }

    @Test
    void aCounterNotReadStaysAbsent() {
        assertThat(Mib.tenths(-1)).isNull();
        assertThat(Mib.wholeOrNull(-1)).isNull();
        assertThat(Mib.text(-1L, 1)).isEqualTo("n/a");
    }
}
