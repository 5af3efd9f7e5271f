"""A test case that owns one running oomlab kernel for its whole class."""
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = "oomlab"


def reply_to(kc, msg_id, timeout):
    """The shell reply to msg_id. Others are skipped: a slow start makes jupyter_client ask
    kernel_info more than once, and the replies it did not wait for arrive later."""
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply


class KernelCase(unittest.TestCase):
    """Starts the kernel once per class (a JVM start is the slow part) and shuts it down after."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def iopub_until_idle(self, msg_id, timeout):
        """The IOPub messages of one request, with their arrival times, until it is idle."""
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return messages
            messages.append((time.monotonic(), msg))
