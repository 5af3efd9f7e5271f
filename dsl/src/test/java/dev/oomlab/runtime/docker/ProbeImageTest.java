package dev.oomlab.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.probe.ProbeBinary;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class ProbeImageTest {

    @Test
    void theSameBinaryGivesTheSameImageBytesEveryTime() throws Exception {
        ProbeImage image = new ProbeImage(ProbeBinary.load());
        byte[] first = ImageArchive.of(image.rootfs(), image.reference(), Map.of("k", "v"));
        byte[] second = ImageArchive.of(image.rootfs(), image.reference(), Map.of("k", "v"));
        assertThat(second).isEqualTo(first);
        // equal bytes could still hide a clock read within the same second: no entry carries the clock
        for (byte[] tar : List.of(first, image.rootfs())) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
                for (TarArchiveEntry e = in.getNextTarEntry(); e != null; e = in.getNextTarEntry()) {
                    assertThat(e.getModTime()).as(e.getName()).isEqualTo(ImageArchive.EPOCH);
                }
            }
        }
    }

    @Test
    void theTagIsTheBinarysHash() {
        ProbeBinary binary = ProbeBinary.load();
        assertThat(new ProbeImage(binary).reference())
                .isEqualTo("oomlab-probe:" + binary.sha256().substring(0, 16));
    }
}
