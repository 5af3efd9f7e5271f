package dev.oomlab.kernel.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {

    private final KernelSpec spec = new KernelSpec("oomlab", Path.of("/jdk/bin/java"),
            "/k/target/oomlab.jar:/k/target/lib/*", List.of("-XX:+UseSerialGC"));

    @Test
    void argvLaunchesTheKernelMainWithTheConnectionFile() {
        assertThat(spec.argv()).containsExactly("/jdk/bin/java", "-XX:+UseSerialGC", "-cp",
                "/k/target/oomlab.jar:/k/target/lib/*", "dev.oomlab.kernel.KernelMain", "{connection_file}");
    }

    @Test
    void theSpecAsksForMessageInterrupts() {
        ObjectNode json = spec.json();
        assertThat(json.path("display_name").asText()).isEqualTo("Java (oomlab)");
        assertThat(json.path("language").asText()).isEqualTo("java");
        assertThat(json.path("interrupt_mode").asText()).isEqualTo("message");
    }

    @Test
    void withoutJupyterThePrefixDirectoryIsWrittenDirectly(@TempDir Path prefix) throws Exception {
        Path dir = new InstallTarget.Prefix(prefix).kernelsDir().resolve("oomlab");
        KernelSpecInstaller.writeSpec(spec, dir);
        ObjectNode written = Json.parseObject(Files.readString(dir.resolve("kernel.json")).getBytes(StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(spec.json());
        assertThat(dir).isEqualTo(prefix.resolve("share/jupyter/kernels/oomlab"));
    }

    @Test
    void theLogosAreRealPngsOfTheirSize(@TempDir Path dir) throws Exception {
        KernelSpecInstaller.writeSpec(spec, dir);
        for (int size : new int[] {32, 64}) {
            java.awt.image.BufferedImage logo = javax.imageio.ImageIO.read(dir.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertThat(logo).as("logo-%dx%d.png", size, size).isNotNull();
            assertThat(logo.getWidth()).isEqualTo(size);
            assertThat(logo.getHeight()).isEqualTo(size);
        }
    }
}
