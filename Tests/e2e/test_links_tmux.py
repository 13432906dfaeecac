"""Links and copying in the live browser: OSC 52 bytes on the pty (tmux pipe-pane), the
opener never run in a kiosk (a fake xdg-open on PATH leaves a marker when it is), `m`
switching the mouse tracking sequences, and OSC 8 hyperlinks only where asked for.
"""
import base64
import os
import re
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

    def start(self, flags="", env=None, prefix="", pty=None):
        env = {"XDG_STATE_HOME": os.path.join(self.top, "state"), "PATH": self.bin + ":" + os.environ["PATH"],
               "BROWSER": "", **(env or {})}
        pane = Pane(f"{prefix}{FOLIO_BIN} --content {CONTENT} --outbox {self.top}/outbox {flags}", env=env)
        self.addCleanup(pane.kill)
        pane._tmux("pipe-pane", "-O", "-t", pane.name, f"cat >> {shlex.quote(pty or self.pty)}")
        pane.wait_for("About")
        return pane

    def pty_bytes(self, pty=None):
        with open(pty or self.pty, "rb") as f:
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

    def test_osc8_around_link_text_when_asked(self):
        pane = self.start(env={"FOLIO_HYPERLINKS": "1"})
        pane.send("5")
        pane.wait_for("Website", profile_email())
        # The link's own cells, in their look, between ESC ] 8 ; ; URL ST and the closing ST.
        for url, text in (("https://example.com", "https://example.com"), ("mailto:" + profile_email(), profile_email())):
            opened = b"\x1b]8;;" + url.encode() + b"\x1b\\"
            self.wait_bytes(opened)
            link = re.compile(re.escape(opened) + rb"(?:\x1b\[[0-9;]*m)*" + re.escape(text.encode())
                              + rb"\x1b\]8;;\x1b\\")
            self.assertRegex(self.pty_bytes(), link)
            self.assertEqual(self.pty_bytes().count(opened), 1)     # written once, not per pass

    def test_the_screen_is_the_same_with_hyperlinks(self):
        # The rewritten cells leave ncurses in step: after each key (moving through links and
        # sections), the pane's text, colours and cursor are exactly what they are without
        # OSC 8 (tmux 3.3 drops the OSC 8 itself but obeys the moves and the save/restore).
        keys = ["5", "Tab", "Tab", "BTab", "2", "Enter", "Tab", "Tab", "j", "5", "Tab", "1", "5"]
        runs = []
        for index, env in enumerate(({}, {"FOLIO_HYPERLINKS": "1"})):
            pty = os.path.join(self.top, f"pty{index}.out")
            pane = self.start(env=env, pty=pty)
            states = []
            for key in keys:
                pane.send(key)
                states.append(self.settled(pane))
            runs.append(states)
            self.assertEqual(b"\x1b]8;" in self.pty_bytes(pty), index == 1)
            pane.kill()
        self.assertIn("https://example.com", runs[1][-1][0])
        for key, plain, linked in zip(keys, *runs):
            self.assertEqual(plain, linked, f"after {key}")

    @staticmethod
    def settled(pane):
        """The styled screen and the cursor once they stay the same for 0.2 s (at most 5 s)."""
        state, same = None, 0
        for _ in range(50):
            time.sleep(0.1)
            cursor = pane._tmux("display-message", "-p", "-t", pane.name, "#{cursor_x},#{cursor_y}").stdout
            # SGR at a line's end styles nothing; tmux adds one when the line holds cells past its
            # last character, which depends on how ncurses updated it (with hyperlinks on it never
            # shifts cells sideways, so it writes some lines differently).
            styled = "\n".join(re.sub(r"(\x1b\[[0-9;]*m)+$", "", line) for line in pane.styled().split("\n"))
            now = (styled, cursor)
            same = same + 1 if now == state else 0
            if same == 2:
                break
            state = now
        return state

    def test_no_osc8_by_default(self):
        # Inside tmux (TMUX set, TERM from tmux), and for a plain TERM=xterm-256color:
        # the terminal is not known to show hyperlinks, so not one OSC 8 byte.
        for index, prefix in enumerate(("", "env -u TMUX TERM=xterm-256color ")):
            pty = os.path.join(self.top, f"plain{index}.out")
            pane = self.start(prefix=prefix, pty=pty)
            pane.send("5")
            pane.wait_for("Website")
            pane.send("Tab")
            pane.send("y")
            deadline = time.time() + 10
            while b"\x1b]52;c;" not in (self.pty_bytes(pty) if os.path.exists(pty) else b""):
                self.assertLess(time.time(), deadline, "the copy never reached the pty")
                time.sleep(0.05)
            # The frame and the copy are on the pty by now: the copy is written after the frame.
            self.assertNotIn(b"\x1b]8;", self.pty_bytes(pty))
            pane.kill()


if __name__ == "__main__":
    unittest.main()
