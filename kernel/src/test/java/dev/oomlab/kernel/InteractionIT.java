package dev.oomlab.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stdin, user_expressions, magic completion through jupyter_client: kernel/src/test/python/test_interaction.py. */
class InteractionIT {

    @Test
    void theKernelAnswersWhatFrontEndsAsk(@TempDir Path prefix) throws Exception {
        JupyterRunner.require("Debian's python3 with jupyter_client", JupyterRunner.pythonHas("jupyter_client"));
        JupyterRunner.runModule("test_interaction", prefix, 300);
    }
}
