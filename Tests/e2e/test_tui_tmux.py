"""The real binary in a real terminal: tmux send-keys in, capture-pane out."""
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")


def folio(*args):
    return f"{FOLIO_BIN} --content {CONTENT} " + " ".join(args)


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class BrowserInTmux(unittest.TestCase):
    def start(self, *args, width=80, height=24, env=None):
        pane = Pane(folio(*args), width=width, height=height, env=env)
        self.addCleanup(pane.kill)
        pane.wait_for("About")
        return pane

    def assert_exited_cleanly(self, pane):
        screen = pane.wait_for("FOLIO-EXITED=", timeout=5)
        self.assertIn("FOLIO-EXITED=0", screen)
        self.assertFalse(pane.alternate_on(), "alternate screen left on")
        self.assertFalse(pane.mouse_any(), "mouse tracking left on")

    def test_case_study_tag_cross_link_help_resize_quit(self):
        pane = self.start()
        # Open a case study.
        pane.send("3")
        pane.wait_for("Case studies ›")
        pane.send("j", "j")
        pane.wait_for("Case studies › Crop2Cash", "Nigeria")
        # Follow its tag to the Stack pane, which lists every item using it.
        pane.send("t")
        pane.send("Enter")
        pane.wait_for("Crop2Cash › APIs", "Microservices & integrations", "APIs & documentation", "used by 3")
        # Choose another item from the tag view: it opens, breadcrumb shows the trail.
        pane.send("Enter")
        screen = pane.wait_for("Microservices & integrations", timeout=5)
        pane.wait_for("Lybertine")
        # Back through history.
        pane.send("BSpace")
        pane.wait_for("› APIs")
        # Help lists every key.
        pane.send("?")
        pane.wait_for("Keys", "Quit folio", "Esc closes")
        pane.send("Escape")
        pane.wait_gone("Esc closes")
        # Resize to the smallest browsable size and back: the selection survives.
        pane.resize(40, 12)
        screen = pane.wait_for("APIs")
        self.assertLessEqual(max(len(l) for l in screen.splitlines()), 40)
        pane.resize(80, 24)
        pane.wait_for("› APIs")
        pane.send("q")
        self.assert_exited_cleanly(pane)

    def test_too_small_then_recovers(self):
        pane = self.start(width=80, height=24)
        pane.resize(30, 8)
        pane.wait_for("too small")
        pane.resize(80, 24)
        pane.wait_for("About")
        pane.send("q")
        self.assert_exited_cleanly(pane)

    def test_kiosk_logs_content_problems_to_stderr_never_to_the_screen(self):
        """--kiosk with standard error redirected to a log: the problems go there, with their
        paths; the screen has no count and no problems page, and the broken item is absent."""
        top = tempfile.mkdtemp(prefix="folio-kiosk-log-")
        self.addCleanup(shutil.rmtree, top, ignore_errors=True)
        content = os.path.join(top, "content")
        shutil.copytree(CONTENT, content)
        with open(os.path.join(content, "services", "zz-broken.md"), "w") as f:
            f.write("---\ntitle: Broken Item\ntags: Kafka\n---\nbody\n")
        with open(os.path.join(content, "services", "zz-tagged.md"), "w") as f:
            f.write("---\ntitle: Tagged Item\ntags: [Kafak]\n---\nbody\n")
        log = os.path.join(top, "folio.log")
        env = {"XDG_STATE_HOME": os.path.join(top, "state"), "XDG_CONFIG_HOME": os.path.join(top, "config")}
        pane = Pane(f"{FOLIO_BIN} --kiosk --content {content} --outbox {top}/outbox 2>{log}",
                    width=120, height=40, env=env)
        self.addCleanup(pane.kill)
        screens = [pane.wait_for("Case studies")]
        for key, shown in (("G", "About ›"), ("Enter", "About ›"), ("2", "Tagged Item")):
            pane.send(key)
            screens.append(pane.wait_for(shown))
        pane.send("q")
        self.assert_exited_cleanly(pane)
        for screen in screens:
            self.assertNotIn("content problem", screen.lower())
            self.assertNotIn(top, screen)
            self.assertNotIn("Broken Item", screen)
        with open(log) as f:
            logged = f.read()
        self.assertIn(os.path.join(content, "services", "zz-broken.md") + ":3:7: error:", logged)
        self.assertIn(os.path.join(content, "services", "zz-tagged.md") + ":3:8: warning: tag 'Kafak' is in no group", logged)

    def test_open_item_directly_and_ctrl_c(self):
        pane = Pane(folio("bankvole"), width=100, height=30)
        self.addCleanup(pane.kill)
        pane.wait_for("Case studies › Bankvole")
        pane.send("C-c")
        self.assert_exited_cleanly(pane)

    def test_tag_search_kafka(self):
        pane = self.start()
        pane.send("/")
        pane.wait_for("Search", "tags")
        pane.send("kaf", literal=True)
        pane.wait_for("Kafka", "1 of")
        pane.send("Enter")
        # The seed ties Kafka to no item, so the tag view must say so.
        pane.wait_for("› Kafka", "No item uses Kafka")
        pane.send("q")
        self.assert_exited_cleanly(pane)

    def test_no_color_and_sigterm_restore_terminal(self):
        pane = self.start(env={"NO_COLOR": "1"})
        pid = _child_pid(pane.pane_pid(), "folio")
        self.assertIsNotNone(pid)
        os.kill(pid, 15)
        screen = pane.wait_for("FOLIO-EXITED=", timeout=5)
        self.assertIn("FOLIO-EXITED=143", screen)
        self.assertFalse(pane.alternate_on())
        self.assertFalse(pane.mouse_any())

    def test_ctrl_z_suspends_and_fg_resumes(self):
        # An interactive shell gives job control, as in a real terminal session.
        pane = Pane("bash --norc --noprofile -i", env={"PS1": "SHELL> "})
        self.addCleanup(pane.kill)
        pane.wait_for("SHELL>")
        pane.send(folio("bankvole"), "Enter")
        pane.wait_for("Case studies › Bankvole")
        pane.send("C-z")
        screen = pane.wait_for("Stopped")
        self.assertFalse(pane.alternate_on(), "suspended with the alternate screen on")
        pane.send("fg", "Enter")
        pane.wait_for("Case studies › Bankvole")
        pane.send("q")
        # Type the shell's next line only once folio has left the screen: sent at once, it can
        # arrive in the same read as `q` and be taken as keys by folio.
        deadline = time.monotonic() + 10
        while pane.alternate_on() and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertFalse(pane.alternate_on(), "folio did not leave the alternate screen after q")
        pane.send("echo done=$?", "Enter")
        pane.wait_for("done=0")

    def test_ctrl_l_repaints_over_stray_output(self):
        pane = self.start()
        pid = _child_pid(pane.pane_pid(), "folio")
        self.assertIsNotNone(pid)
        # Another program (wall, a background job) writes over the screen behind folio's back.
        with open(os.readlink(f"/proc/{pid}/fd/1"), "w") as tty:
            tty.write("\x1b[5;30HSTRAY-OUTPUT-XYZ")
        pane.wait_for("STRAY-OUTPUT-XYZ")
        pane.send("C-l")
        pane.wait_gone("STRAY-OUTPUT-XYZ")
        pane.wait_for("About", "q quit")
        pane.send("q")
        self.assert_exited_cleanly(pane)

    def test_hangup_exits_without_spinning(self):
        pane = self.start()
        pid = _child_pid(pane.pane_pid(), "folio")
        self.assertIsNotNone(pid)
        pane._tmux("kill-session", "-t", pane.name)   # the pty goes away: SIGHUP + EOF
        deadline = time.time() + 2
        while time.time() < deadline and os.path.exists(f"/proc/{pid}"):
            time.sleep(0.05)
        self.assertFalse(os.path.exists(f"/proc/{pid}"), "folio still running after hang-up")


class WithoutTerminal(unittest.TestCase):
    def run_folio(self, env_overrides, stdin=subprocess.DEVNULL):
        env = dict(os.environ)
        env.update(env_overrides)
        for k, v in list(env.items()):
            if v is None:
                del env[k]
        return subprocess.run([FOLIO_BIN, "--content", CONTENT], env=env, stdin=stdin,
                              capture_output=True, text=True, timeout=20)

    def test_piped_output_is_plain_text(self):
        out = self.run_folio({"TERM": "xterm"})
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("Bankvole", out.stdout)
        self.assertIn("Crop2Cash", out.stdout)
        self.assertNotIn("\x1b", out.stdout)

    @unittest.skipUnless(have_tmux(), "tmux is not installed")
    def test_dumb_and_unknown_terminals_get_a_message_then_text(self):
        for term, needle in (("dumb", "TERM=dumb"), ("no-such-terminal-xyz", "unknown terminal"), ("", "TERM is not set")):
            with self.subTest(term=term):
                err = os.path.join(self.tmp(), "stderr.txt")
                # stdout stays the tty, so only TERM decides; stderr goes to a file to read back.
                pane = Pane(f"env TERM={term} {folio()} 2>{err}", width=100, height=24)
                self.addCleanup(pane.kill)
                screen = pane.wait_for("FOLIO-EXITED=", timeout=10)
                self.assertIn("FOLIO-EXITED=0", screen)
                with open(err) as f:
                    message = f.read()
                self.assertIn(needle, message)
                self.assertIn("plain text", message)
                self.assertNotIn("\x1b[?1049h", screen)

    def tmp(self):
        import tempfile
        d = tempfile.mkdtemp(prefix="folio-e2e-")
        self.addCleanup(lambda: subprocess.run(["rm", "-rf", d]))
        return d


def _child_pid(parent, name):
    """The pid of the first descendant of `parent` whose command is `name`."""
    deadline = time.time() + 5
    while time.time() < deadline:
        out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,comm="], capture_output=True, text=True).stdout
        children = {}
        for line in out.splitlines():
            pid, ppid, comm = line.split(None, 2)
            children.setdefault(int(ppid), []).append((int(pid), comm.strip()))
        todo = [parent]
        while todo:
            p = todo.pop()
            for pid, comm in children.get(p, []):
                if comm == name:
                    return pid
                todo.append(pid)
        time.sleep(0.05)
    return None


if __name__ == "__main__":
    unittest.main()
