package dev.oomlab.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeTest {

    @ParameterizedTest
    @CsvSource({
            "512m, 536870912",
            "2g, 2147483648",
            "2G, 2147483648",
            "1.5g, 1610612736",
            "64k, 65536",
            "100b, 100",
            "1t, 1099511627776",
            "512MiB, 536870912",
            "512mb, 536870912",
            "' 3 g ', 3221225472"})
    void parsesUnitsCaseInsensitivelyWithDecimals(String text, long bytes) {
        assertThat(Size.parse("memory", text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x", "", "g", "512", "-1g", "1,5g", "1.g", "two gigs"})
    void refusesWhatIsNotASizeNamingFieldAndValue(String text) {
        assertThatThrownBy(() -> Size.parse("memory", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory: invalid size \"" + text + "\" (expected a number with b, k, m or g)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0m", "0.0g"})
    void refusesZero(String text) {
        String input = text.equals("0") ? "0b" : text;
        assertThatThrownBy(() -> Size.parse("shm", input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shm: size must be positive, got \"" + input + "\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void refusesNonPositiveMib(int mib) {
        assertThatThrownBy(() -> Size.mib("allocRam", mib))
                .hasMessage("allocRam: size must be a positive number of MiB, got " + mib);
    }

    @ParameterizedTest
    @CsvSource({"2147483648, 2g", "536870912, 512m", "1610612736, 1536m", "1000, 1000b", "65536, 64k"})
    void printsTheShortestExactForm(long bytes, String text) {
        assertThat(new Size(bytes)).hasToString(text);
    }
}
