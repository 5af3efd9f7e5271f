"""Jupyter's standard kernel conformance suite (Debian's python3-jupyter-kernel-test), run
against the oomlab kernel with Java samples, plus the checks the suite leaves out: streaming,
empty history, inspect at the end of a word, error shapes, interrupt of a runaway loop, and
signatures.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_conformance
"""
import os
import tempfile
import time
import unittest

from kernel_case import KernelCase, reply_to

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

KERNEL = "oomlab"
TIMEOUT = 30




class OomlabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "1+1", "result": "2"},
        {"code": "6*7", "result": "42"},
        {"code": '"a" + "b"', "result": '"ab"'},
    ]
    code_display_data = [
        {"code": 'display("<b>x</b>", "text/html");', "mime": "text/html"},
    ]
    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Math.ma", "matches": {"max("}},
    ]
    complete_code_samples = ["1+1", "int x = 3;", "System.out.println(1);", "class A {}", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "class A {", 'System.out.println("a"']
    invalid_code_samples = ["int 1x = 3;"]
    code_inspect_sample = "Math.max"
    code_history_pattern = "1?1"
    supported_history_operations = ("tail", "range", "search")


class OomlabExtraTests(KernelCase):
    """What the standard suite does not check but the kernel promises."""

    def run_cell(self, code, timeout=TIMEOUT):
        """Runs a cell; returns (reply, [(arrival time, msg)]) for its IOPub output."""
        msg_id = self.kc.execute(code)
        outputs = [(t, m) for t, m in self.iopub_until_idle(msg_id, timeout)
                   if m["msg_type"] not in ("status", "execute_input")]
        return reply_to(self.kc, msg_id, timeout), outputs

    def test_stdout_streams_while_the_cell_runs(self):
        # the cell cannot end before the test creates the file, and the test creates it only once
        # "first" has arrived: so "first" was streamed while the cell ran, whatever the machine's speed
        with tempfile.TemporaryDirectory() as scratch:
            go = os.path.join(scratch, "go")
            msg_id = self.kc.execute(
                'System.out.println("first");'
                f' while (!java.nio.file.Files.exists(java.nio.file.Path.of("{go}"))) Thread.sleep(5);'
                ' System.out.println("second");')
            while True:
                msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                self.assertFalse(msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle",
                                 "the cell ended before it could print")
                if msg["msg_type"] == "stream" and "first" in msg["content"]["text"]:
                    break
            open(go, "w").close()
            outputs = [m for _, m in self.iopub_until_idle(msg_id, TIMEOUT)]
            reply = reply_to(self.kc, msg_id, TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue([m for m in outputs if m["msg_type"] == "stream" and "second" in m["content"]["text"]], outputs)

    def test_error_shows_the_users_exception_only(self):
        self.run_cell('void boom() { throw new IllegalArgumentException("bad size"); }')
        reply, outputs = self.run_cell("boom()")
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "java.lang.IllegalArgumentException")
        self.assertEqual(content["evalue"], "bad size")
        trace = "\n".join(content["traceback"])
        self.assertIn("boom", trace)
        for internal in ("dev.oomlab.kernel", "jdk.internal.reflect", "java.lang.reflect", "jdk.jshell"):
            self.assertNotIn(internal, trace)

    def test_compile_error_is_reported(self):
        reply, _ = self.run_cell("int y = \"text\";")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CompilationException")
        self.assertIn("incompatible types", reply["content"]["evalue"])

    def test_inspect_with_the_cursor_inside_and_at_the_end(self):
        for code, cursor in (("Math.max", 8), ("Math.max", 6), ("Math.max(1, 2)", 9)):
            reply = reply_to(self.kc, self.kc.inspect(code, cursor), TIMEOUT)
            self.assertTrue(reply["content"]["found"], (code, cursor))
            self.assertIn("max(int", reply["content"]["data"]["text/plain"])

    def test_kernel_info_has_status_and_lowercase_language(self):
        reply = reply_to(self.kc, self.kc.kernel_info(), TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["language_info"]["name"], "java")

    def test_comm_info(self):
        reply = reply_to(self.kc, self.kc.comm_info(), TIMEOUT)
        self.assertEqual(reply["content"], {"status": "ok", "comms": {}})

    def test_display_and_update_share_a_display_id(self):
        reply, outputs = self.run_cell(
            'String id = display("<i>step 1</i>", "text/html"); updateDisplay(id, "<i>step 2</i>", "text/html");')
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for _, m in outputs]
        self.assertEqual(kinds, ["display_data", "update_display_data"])
        ids = {m["content"]["transient"]["display_id"] for _, m in outputs}
        self.assertEqual(len(ids), 1)

    def test_interrupt_stops_a_runaway_loop(self):
        msg_id = self.kc.execute('System.out.println("looping"); while (true) { }')
        # interrupt once the loop has surely started: its line was printed just before it
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "looping" in msg["content"]["text"]):
                break
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = reply_to(self.kc, msg_id, TIMEOUT)
        print(f"\nthe loop's cell ended {time.monotonic() - start:.2f} s after the interrupt")
        self.assertEqual(reply["content"]["status"], "error")
        # the kernel is usable again, and its CPU is free (the loop's thread is gone)
        reply, outputs = self.run_cell("Thread.getAllStackTraces().keySet().stream()"
                                       ".filter(t -> t.getName().equals(\"oomlab-cell\") && t != Thread.currentThread())"
                                       ".count()")
        results = [m for _, m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "0")


class EmptyHistoryTest(unittest.TestCase):
    """A fresh kernel answers history requests with an empty list, not silence."""

    def test_empty_history(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
        try:
            for kwargs in ({"hist_access_type": "tail", "n": 10},
                           {"hist_access_type": "range", "session": 0, "start": 0, "stop": 10},
                           {"hist_access_type": "search", "pattern": "*"}):
                reply = reply_to(kc, kc.history(raw=True, output=False, **kwargs), TIMEOUT)
                self.assertEqual(reply["content"], {"status": "ok", "history": []})
        finally:
            kc.stop_channels()
            km.shutdown_kernel()


class SignatureTest(unittest.TestCase):
    """A message with a bad signature is dropped: no reply, and the kernel keeps serving."""

    def test_bad_signature_is_dropped(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
        try:
            good_key = kc.session.key
            kc.session.key = b"not-the-key"
            kc.session.auth = None
            import hmac, hashlib
            kc.session.auth = hmac.HMAC(b"not-the-key", digestmod=hashlib.sha256)
            bad_id = kc.kernel_info()
            kc.session.key = good_key
            kc.session.auth = hmac.HMAC(good_key, digestmod=hashlib.sha256)
            good_id = kc.kernel_info()
            # the kernel serves in order: had it answered the bad request, that reply came first
            parents = []
            reply = kc.get_shell_msg(timeout=TIMEOUT)
            while reply["parent_header"].get("msg_id") != good_id:
                parents.append(reply["parent_header"].get("msg_id"))
                reply = kc.get_shell_msg(timeout=TIMEOUT)
            self.assertNotIn(bad_id, parents)
            self.assertEqual(reply["content"]["status"], "ok")
        finally:
            kc.stop_channels()
            km.shutdown_kernel()


if __name__ == "__main__":
    unittest.main()
