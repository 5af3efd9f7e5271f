"""What a front end asks of the kernel beyond running code: stdin through input_request (and a
clear error where the front end allows none), user_expressions, magic names in completion, and
inspection with javadoc.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_interaction
"""
import os
import queue

from kernel_case import KernelCase, reply_to

TIMEOUT = 60


class InteractionTests(KernelCase):

    def answer_input(self, value):
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input(value)
        return request

    def test_scanner_and_system_in_read_through_input_request(self):
        msg_id = self.kc.execute(
            'var in = new java.util.Scanner(System.in); String name = in.nextLine(); name',
            allow_stdin=True)
        self.answer_input("Ada")
        outputs = self.iopub_until_idle(msg_id, TIMEOUT)
        self.assertEqual(reply_to(self.kc, msg_id, TIMEOUT)["content"]["status"], "ok")
        results = [m for _, m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], '"Ada"')

        msg_id = self.kc.execute("System.in.read()", allow_stdin=True)
        self.answer_input("A")
        outputs = self.iopub_until_idle(msg_id, TIMEOUT)
        results = [m for _, m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "65")

    def test_reading_stdin_where_the_front_end_allows_none_fails_at_once(self):
        msg_id = self.kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=False)
        reply = reply_to(self.kc, msg_id, TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("allow_stdin is false", reply["content"]["evalue"])
        with self.assertRaises(queue.Empty):
            self.kc.get_stdin_msg(timeout=0.2)

    def test_user_expressions_are_evaluated_and_returned(self):
        msg_id = self.kc.execute("int ux = 21;", user_expressions={"double": "ux * 2", "bad": "nosuch + 1"})
        expressions = reply_to(self.kc, msg_id, TIMEOUT)["content"]["user_expressions"]
        self.assertEqual(expressions["double"]["status"], "ok")
        self.assertEqual(expressions["double"]["data"]["text/plain"], "42")
        self.assertEqual(expressions["bad"]["status"], "error")
        self.assertIn("nosuch", expressions["bad"]["evalue"])

    def test_magic_names_complete(self):
        msg_id = self.kc.complete("%mav", 4)
        content = reply_to(self.kc, msg_id, TIMEOUT)["content"]
        self.assertEqual(content["matches"], ["%maven", "%mavenRepo"])
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (0, 4))

    def test_an_unknown_magic_is_named(self):
        msg_id = self.kc.execute("%nosuch 1")
        reply = reply_to(self.kc, msg_id, TIMEOUT)["content"]
        self.assertEqual(reply["status"], "error")
        self.assertIn("%nosuch is not a magic", reply["evalue"])


class JdkTest(KernelCase):
    """The kernel runs on the JDK it was installed with (JDK 17 or 25 in CI), and documents that JDK's methods."""

    def kernel_java_home(self):
        msg_id = self.kc.execute('System.getProperty("java.home")')
        outputs = self.iopub_until_idle(msg_id, TIMEOUT)
        results = [m for _, m in outputs if m["msg_type"] == "execute_result"]
        return results[0]["content"]["data"]["text/plain"].strip('"')

    def test_the_kernel_runs_on_the_installed_java(self):
        expected = os.environ.get("OOMLAB_KERNEL_JAVA")
        if not expected:
            self.skipTest("OOMLAB_KERNEL_JAVA is not set")
        java_home = self.kernel_java_home()
        self.assertEqual(os.path.realpath(os.path.join(java_home, "bin", "java")), os.path.realpath(expected))

    def test_inspect_shows_the_jdk_javadoc_where_the_kernels_jdk_ships_its_sources(self):
        # Temurin 25 ships lib/src.zip; Debian's 17 links to a package that is not installed here
        has_sources = os.path.isfile(os.path.join(self.kernel_java_home(), "lib", "src.zip"))
        reply = reply_to(self.kc, self.kc.inspect("Math.max(1, 2)", 9, detail_level=1), TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(reply["content"]["found"])
        text = reply["content"]["data"]["text/plain"]
        self.assertIn("int Math.max(int a, int b)", text)
        if has_sources:
            self.assertIn("Returns the greater of two", text)
        else:
            self.assertNotIn("Returns the greater of two", text)
