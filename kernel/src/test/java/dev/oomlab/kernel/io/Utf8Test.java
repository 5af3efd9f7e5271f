package dev.oomlab.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void aChunkNeverEndsInsideACharacter() {
        byte[] bytes = "aé€😀".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 + 4 bytes
        assertThat(Utf8.completePrefix(bytes, bytes.length)).isEqualTo(10);
        assertThat(Utf8.completePrefix(bytes, 9)).isEqualTo(6);
        assertThat(Utf8.completePrefix(bytes, 7)).isEqualTo(6);
        assertThat(Utf8.completePrefix(bytes, 5)).isEqualTo(3);
        assertThat(Utf8.completePrefix(bytes, 2)).isEqualTo(1);
        assertThat(Utf8.completePrefix(bytes, 0)).isZero();
    }
}
