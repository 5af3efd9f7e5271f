"""A test case that owns one running oomlab kernel for its whole class."""
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = "oomlab"


class KernelCase(unittest.TestCase):
    """Starts the kernel once per class (a JVM start is the slow part) and shuts it down after."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()
