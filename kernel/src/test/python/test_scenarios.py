"""The kernel with the DSL and Docker: a scenario cell renders rich output, and an interrupt
removes the cell's containers.

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_scenarios
"""
import subprocess
import time
import unittest

from kernel_case import KernelCase


KERNEL = "oomlab"


def owned_containers(kernel_pid):
    """The containers this test's kernel owns. Others share the engine, so never count them all:
    the lab labels each container with its owner, host/pid/start."""
    out = subprocess.run(["docker", "ps", "-a", "--filter", "label=oomlab.owner",
                          "--format", '{{.ID}} {{.Label "oomlab.owner"}}'],
                         check=True, capture_output=True, text=True).stdout
    owned = []
    for line in out.splitlines():
        container, _, owner = line.partition(" ")
        parts = owner.split("/")
        if len(parts) == 3 and parts[1] == str(kernel_pid):
            owned.append(container)
    return owned


class ScenarioTests(KernelCase):

    def collect(self, msg_id, timeout):
        """The IOPub messages of one request, until idle."""
        return [msg for _, msg in self.iopub_until_idle(msg_id, timeout)]

    def reply_to(self, msg_id, timeout):
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        return reply

    def test_a_scenario_cell_renders_html_and_png(self):
        code = 'scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300).run()'
        msg_id = self.kc.execute(code)
        outputs = self.collect(msg_id, timeout=180)
        reply = self.reply_to(msg_id, timeout=10)
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(reply["content"]["status"], "ok", errors)
        mimes = set()
        for msg in outputs:
            if msg["msg_type"] in ("execute_result", "display_data", "update_display_data"):
                mimes.update(msg["content"]["data"])
        self.assertIn("text/html", mimes)
        self.assertIn("image/png", mimes)

    def test_a_hypothesis_shows_progress_updated_in_place(self):
        msg_id = self.kc.execute('Catalogue.byId("H2").run()')
        outputs = self.collect(msg_id, timeout=180)
        reply = self.reply_to(msg_id, timeout=10)
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(reply["content"]["status"], "ok", errors)
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertTrue(shown, "no progress display")
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertTrue(updates, "the progress display was never updated")
        self.assertTrue(all(u["content"]["transient"]["display_id"] == display_id for u in updates))
        self.assertIn("2/2 done", updates[-1]["content"]["data"]["text/plain"])
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        self.assertIn("text/html", results[0]["content"]["data"])

    def test_interrupt_removes_the_cells_containers(self):
        pid = self.km.provisioner.process.pid
        self.assertEqual(owned_containers(pid), [], "containers of this kernel left from before")
        msg_id = self.kc.execute('scenario().memory("256m").allocRam(16).sleep("60s").run()')
        deadline = time.monotonic() + 60
        while not owned_containers(pid):
            self.assertLess(time.monotonic(), deadline, "the scenario never started a container")
            time.sleep(0.05)  # polling the engine, not waiting for a guessed moment
        start = time.monotonic()
        self.km.interrupt_kernel()
        while owned_containers(pid) and time.monotonic() - start < 5:
            time.sleep(0.02)
        removed_after = time.monotonic() - start
        reply = self.reply_to(msg_id, timeout=10)
        print(f"\ncontainers gone {removed_after:.2f} s after the interrupt; cell ended with {reply['content'].get('ename')}")
        self.assertEqual(owned_containers(pid), [])
        self.assertLess(removed_after, 1.0)
        self.assertEqual(reply["content"]["status"], "error")
        # and the kernel takes the next cell
        msg_id = self.kc.execute("1+1")
        self.collect(msg_id, timeout=30)
        self.assertEqual(self.reply_to(msg_id, timeout=10)["content"]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
