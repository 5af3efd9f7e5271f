package dev.oomlab.kernel;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel with the DSL and Docker (kernel/src/test/python/test_scenarios.py): a scenario cell
 * renders text/html and image/png; an interrupt leaves no container of its kernel (by the oomlab.owner label).
 */
class ScenarioIT {

    @Test
    void scenarioCellsRenderAndInterruptsRemoveContainers(@TempDir Path prefix) throws Exception {
        JupyterRunner.require("Debian's python3 with jupyter_client", JupyterRunner.pythonHas("jupyter_client"));
        JupyterRunner.require("a Docker engine", JupyterRunner.succeeds(List.of("docker", "info")));
        JupyterRunner.runModule("test_scenarios", prefix, 900);
    }
}
