"""A client may claim any window size; ncurses must only ever see the clamped one (500×300).

Each test claims a size on folio's own pty with stty (at start, before exec, or later with
`stty -F`, which makes the kernel send SIGWINCH), then reads folio's peak resident size
(VmHWM) from /proc, quits with q and checks the terminal is given back.
"""
import os
import subprocess
import time
import unittest

from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux
from visit_support import status_kb

CONTENT = os.path.join(REPO, "Content")
# Peak RSS of a whole visit must stay under this whatever size is claimed. A normal visit at
# the clamp (500×300) peaks far lower (see visit); before the
# fix a claimed 4000×4000 took 1.3 GB and 10000×10000 grew without bound.
PEAK_LIMIT_KB = 200_000
# What "flat" means: a huge claim costs at most this much more than a claim of the clamp itself.
FLAT_MARGIN_KB = 24_000


def descendants(pid):
    """Every process under pid (children, grandchildren…)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as f:
                kids = [int(k) for k in f.read().split()]
        except OSError:
            kids = []
        found += kids
        todo += kids
    return found


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class HugeWindowSizes(unittest.TestCase):
    def start(self, rows=None, cols=None):
        """folio in a tmux pane of the clamp's size (500×300, so the capture shows everything
        folio draws) whose pty claims rows×cols (stty before exec)."""
        claim = f"stty rows {rows} cols {cols} && " if rows else ""
        pane = Pane(f"sh -c '{claim}exec {FOLIO_BIN} --content {CONTENT}'", width=500, height=300)
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        pid = self.folio_pid(pane)
        return pane, pid

    def folio_pid(self, pane):
        deadline = time.time() + 5
        while time.time() < deadline:
            for pid in descendants(pane.pane_pid()):
                if comm(pid) == "folio":
                    return pid
            time.sleep(0.05)
        self.fail("no folio process under the pane")

    def claim(self, pid, rows, cols):
        """Sets the pty's size as a client's window change would; the kernel sends SIGWINCH."""
        tty = os.readlink(f"/proc/{pid}/fd/0")
        subprocess.run(["stty", "-F", tty, "rows", str(rows), "cols", str(cols)], check=True)

    def quit_cleanly(self, pane):
        pane.send("q")
        screen = pane.wait_for("FOLIO-EXITED=", timeout=5)
        self.assertIn("FOLIO-EXITED=0", screen)
        self.assertFalse(pane.alternate_on(), "alternate screen left on")
        self.assertFalse(pane.mouse_any(), "mouse tracking left on")

    def peak_after_keys(self, pane, pid, key, shows):
        """Sends a key and waits for its effect, so every earlier resize has been handled."""
        pane.send(key)
        pane.wait_for(shows)
        return status_kb(pid, "VmHWM")

    def visit(self, rows, cols):
        """Peak RSS of a short visit with rows×cols claimed from the start; it must quit cleanly."""
        pane, pid = self.start(rows, cols)
        peak = self.peak_after_keys(pane, pid, "2", "[Services]")
        self.quit_cleanly(pane)
        return peak

    def test_a_huge_size_claimed_at_start_costs_no_more_than_the_clamp(self):
        at_clamp = self.visit(300, 500)
        self.assertLess(at_clamp, PEAK_LIMIT_KB)
        huge = self.visit(4000, 4000)
        self.assertLess(huge, PEAK_LIMIT_KB, f"VmHWM {huge} kB with 4000×4000 claimed")
        self.assertLess(huge, at_clamp + FLAT_MARGIN_KB, f"VmHWM {huge} kB; at the clamp {at_clamp} kB")

    def test_window_changes_to_10000_and_65535(self):
        pane, pid = self.start()
        self.claim(pid, 10000, 10000)
        peak = self.peak_after_keys(pane, pid, "2", "[Services]")
        self.assertLess(peak, PEAK_LIMIT_KB, f"VmHWM {peak} kB after 10000×10000")
        self.claim(pid, 65535, 65535)
        peak = self.peak_after_keys(pane, pid, "3", "[Case studies]")
        self.assertLess(peak, PEAK_LIMIT_KB, f"VmHWM {peak} kB after 65535×65535")
        self.claim(pid, 300, 500)   # and back to the pane's own size: the screen is whole again
        pane.send("1")
        pane.wait_for("[About]", "q quit")
        self.quit_cleanly(pane)


if __name__ == "__main__":
    unittest.main()
