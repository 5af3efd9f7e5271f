package dev.oomlab.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter's standard conformance suite (jupyter_kernel_test.KernelTests, Debian's
 * python3-jupyter-kernel-test) with Java samples, plus the kernel's own protocol checks:
 * kernel/src/test/python/test_conformance.py.
 */
class ConformanceIT {

    @Test
    void theKernelPassesTheConformanceSuite(@TempDir Path prefix) throws Exception {
        JupyterRunner.require("Debian's python3 with jupyter_client and jupyter_kernel_test",
                JupyterRunner.pythonHas("jupyter_client", "jupyter_kernel_test"));
        JupyterRunner.runModule("test_conformance", prefix, 600);
    }
}
