"""Links and copying in the live browser: OSC 52 bytes on the pty (tmux pipe-pane), the
opener never run in a kiosk (a fake xdg-open on PATH leaves a marker when it is), and `m`
switching the mouse tracking sequences.
"""
import base64
import os
import shlex
import shutil
import stat
import tempfile
import time
import unittest

from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")


def profile_email():
    with open(os.path.join(CONTENT, "profile.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("email:"):
                return line.split(":", 1)[1].strip().strip('"')
    raise AssertionError("Content/profile.md has no email")


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class Links(unittest.TestCase):
    def setUp(self):
        self.top = tempfile.mkdtemp(prefix="folio-links-")
        self.addCleanup(shutil.rmtree, self.top, True)
        self.bin = os.path.join(self.top, "bin")
        os.mkdir(self.bin)
        self.marker = os.path.join(self.top, "opened")
        opener = os.path.join(self.bin, "xdg-open")
        with open(opener, "w") as f:
            f.write(f"#!/bin/sh\nprintf '%s\\n' \"$@\" >> {shlex.quote(self.marker)}\n")
        os.chmod(opener, stat.S_IRWXU)
        self.pty = os.path.join(self.top, "pty.out")

    def start(self, flags=""):
        env = {"XDG_STATE_HOME": os.path.join(self.top, "state"), "PATH": self.bin + ":" + os.environ["PATH"],
               "BROWSER": ""}
        pane = Pane(f"{FOLIO_BIN} --content {CONTENT} --outbox {self.top}/outbox {flags}", env=env)
        self.addCleanup(pane.kill)
        pane._tmux("pipe-pane", "-O", "-t", pane.name, f"cat >> {shlex.quote(self.pty)}")
        pane.wait_for("About")
        return pane

    def pty_bytes(self):
        with open(self.pty, "rb") as f:
            return f.read()

    def wait_bytes(self, needle, timeout=10.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if os.path.exists(self.pty) and needle in self.pty_bytes():
                return
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never reached the pty")

    def test_y_on_the_email_puts_osc52_on_the_pty(self):
        email = profile_email()
        pane = self.start()
        pane.send("5")
        pane.wait_for("Website")
        pane.send("Tab")                 # the email is the first link
        pane.send("y")
        pane.wait_for("copied " + email)
        expected = b"\x1b]52;c;" + base64.b64encode(email.encode()) + b"\x07"
        self.wait_bytes(expected)

    def test_enter_runs_the_opener_outside_a_kiosk(self):
        pane = self.start()
        pane.send("5")
        pane.wait_for("Website")
        pane.send("Tab")
        pane.send("Tab")
        pane.send("Enter")
        pane.wait_for("opened https://")
        with open(self.marker) as f:
            self.assertTrue(f.read().startswith("https://"))

    def test_a_kiosk_never_runs_the_opener(self):
        pane = self.start("--kiosk")
        pane.send("5")
        pane.wait_for("Website")
        pane.send("Tab")
        pane.send("Tab")
        pane.send("Enter")
        screen = pane.wait_for("Link", "y copy")   # shown in full instead
        self.assertIn("https://", screen)
        pane.send("y")
        self.wait_bytes(b"\x1b]52;c;")
        pane.send("Escape")
        pane.wait_gone("y copy · Esc close")
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")
        self.assertFalse(os.path.exists(self.marker), "the kiosk ran xdg-open")

    def test_m_toggles_mouse_tracking(self):
        pane = self.start()
        self.assertTrue(pane.mouse_any())
        pane.send("m")
        pane.wait_for("mouse off (m)")
        self.wait_bytes(b"\x1b[?1006l\x1b[?1000l")
        self.assertFalse(pane.mouse_any())
        pane.send("m")
        pane.wait_gone("mouse off (m)")
        self.assertTrue(pane.mouse_any())
        pane.send("2")                  # still off after moving around? it was turned back on
        pane.wait_for("Services")
        self.assertTrue(pane.mouse_any())


if __name__ == "__main__":
    unittest.main()
