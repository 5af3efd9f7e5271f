package dev.oomlab.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.probe.ProbeBinary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeImageTest {

    @Test
    void theSameBinaryGivesTheSameImageBytesEveryTime() throws Exception {
        ProbeImage image = new ProbeImage(ProbeBinary.load());
        byte[] first = ImageArchive.of(image.rootfs(), image.reference(), Map.of("k", "v"));
        Thread.sleep(1100); // a timestamp taken from the clock would differ by now
        byte[] second = ImageArchive.of(image.rootfs(), image.reference(), Map.of("k", "v"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theTagIsTheBinarysHash() {
        ProbeBinary binary = ProbeBinary.load();
        assertThat(new ProbeImage(binary).reference())
                .isEqualTo("oomlab-probe:" + binary.sha256().substring(0, 16));
    }
}
