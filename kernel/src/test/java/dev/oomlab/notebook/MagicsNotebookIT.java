package dev.oomlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.kernel.install.KernelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * kernel/src/test/notebooks/magics.ipynb executed headless by nbconvert: %maven from Maven Central,
 * %classpath with a glob, %%time and %lsmagic in a real notebook run.
 */
class MagicsNotebookIT {

    private static final Path OUT = Path.of("target", "magics-notebook");

    @Test
    void theMagicsNotebookExecutesHeadless() throws Exception {
        KernelSpec.kernelJavaProblem().ifPresent(TestDirs::missing);
        TestDirs.clean(OUT);
        Path prefix = TestDirs.kernelPrefix(OUT.resolve("kernel-prefix"));
        NotebookRun run = NotebookRunner.on(prefix).run(Path.of("src/test/notebooks/magics.ipynb"), OUT);
        System.out.println(run);
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.passed()).isTrue();
        String executed = Files.readString(run.executed());
        assertThat(executed).contains("2.5", "\"3\"", "Wall time: ", "499999500000", "%%loadFromPOM");
    }
}
