"""What a kiosk folio process is allowed: its signal dispositions from the very start, and its
resource limits (the values live in FolioSession's KioskLimits)."""
import os
import pty
import re
import signal
import time
import unittest

from test_window_size import comm, descendants
from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")
DATA_BYTES = 512 << 20      # KioskLimits.dataBytes
CPU_SECONDS = (600, 610)    # KioskLimits.cpuSeconds, cpuKillSeconds
SIGQUIT_BIT = 1 << (signal.SIGQUIT - 1)
SIGTSTP_BIT = 1 << (signal.SIGTSTP - 1)


def ignored_mask(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"SigIgn:\s+([0-9a-f]+)", f.read()).group(1), 16)


def limits(pid):
    """{name: (soft, hard)} from /proc/PID/limits."""
    out = {}
    with open(f"/proc/{pid}/limits") as f:
        for line in f.readlines()[1:]:
            m = re.match(r"(.+?)\s{2,}(\S+)\s+(\S+)", line)
            if m:
                out[m.group(1).strip()] = (m.group(2), m.group(3))
    return out


class KioskFromTheFirstMoment(unittest.TestCase):
    def spawn_on_pty(self, args):
        """folio on a fresh pty as its session leader (so ^\\ typed there signals it)."""
        pid, master = pty.fork()
        if pid == 0:
            try:
                # Default dispositions, whatever the test runner inherited: a shell without job
                # control starts background jobs with SIGQUIT ignored, and an ignored signal
                # stays ignored across exec, which would pass for folio's own doing.
                for sig in (signal.SIGQUIT, signal.SIGTSTP):
                    signal.signal(sig, signal.SIG_DFL)
                os.execv(FOLIO_BIN, [FOLIO_BIN, *args])
            finally:
                os._exit(127)
        self.addCleanup(os.close, master)
        deadline = time.time() + 10
        while os.path.realpath(f"/proc/{pid}/exe") != os.path.realpath(FOLIO_BIN):
            self.assertLess(time.time(), deadline, "folio was not started")
            time.sleep(0.001)
        return pid, master

    def wait_exit(self, pid, master, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                os.read(master, 65536)   # keep the pty drained
            except OSError:
                pass
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)
        self.fail("folio did not exit")

    def test_quit_and_stop_keys_while_arguments_are_parsed(self):
        # Thousands of stray arguments make parsing take a while; the kiosk's dispositions must
        # be in place before it finishes (issue 11 item 9: ^\ while connecting ended with 131).
        pid, master = self.spawn_on_pty(["--kiosk", "--content", CONTENT] + ["stray"] * 15000)
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.waitpid(pid, os.WNOHANG)[0]:
                self.fail("folio finished parsing before ignoring SIGQUIT")
            # The signals are set first, the limits a moment later: wait for both.
            lim = limits(pid)
            if ignored_mask(pid) & SIGQUIT_BIT and lim["Max data size"][0] != "unlimited":
                break
            time.sleep(0.002)
        else:
            self.fail("SIGQUIT never ignored, or the limits never set")
        self.assertTrue(ignored_mask(pid) & SIGTSTP_BIT, "SIGTSTP not ignored")
        lim = limits(pid)
        self.assertEqual(lim["Max data size"], (str(DATA_BYTES), str(DATA_BYTES)))
        self.assertEqual(lim["Max core file size"], ("0", "0"))
        still_parsing = os.waitpid(pid, os.WNOHANG)[0] == 0
        os.write(master, b"\x1c\x1a\x1c")   # ^\ ^Z ^\ on the tty: SIGQUIT, SIGTSTP, SIGQUIT
        os.kill(pid, signal.SIGQUIT)
        code = self.wait_exit(pid, master)
        self.assertTrue(still_parsing)
        self.assertEqual(code, 64, "the stray arguments are a usage error; a signal must not end it first")

    def test_without_kiosk_nothing_changes(self):
        pid, master = self.spawn_on_pty(["--content", CONTENT] + ["stray"] * 3000)
        mask = ignored_mask(pid)
        lim = limits(pid)
        self.wait_exit(pid, master)
        self.assertFalse(mask & SIGQUIT_BIT)
        self.assertEqual(lim["Max data size"], ("unlimited", "unlimited"))


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class KioskLimitsInPlace(unittest.TestCase):
    def test_a_kiosk_session_runs_under_its_limits(self):
        pane = Pane(f"{FOLIO_BIN} --kiosk --content {CONTENT}")
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        pid = next(p for p in descendants(pane.pane_pid()) if comm(p) == "folio")
        lim = limits(pid)
        self.assertEqual(lim["Max data size"], (str(DATA_BYTES), str(DATA_BYTES)))
        self.assertEqual(lim["Max cpu time"], tuple(str(s) for s in CPU_SECONDS))
        self.assertEqual(lim["Max core file size"], ("0", "0"))
        pane.send("2")
        pane.wait_for("[Services]")
        pane.send("q")
        screen = pane.wait_for("FOLIO-EXITED=")
        self.assertIn("FOLIO-EXITED=0", screen)


if __name__ == "__main__":
    unittest.main()
