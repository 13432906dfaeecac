"""Drive a real program in a real terminal: tmux send-keys in, capture-pane out.

Every wait polls the pane until text shows up (or a deadline passes); nothing sleeps blindly.
"""
import os
import shutil
import subprocess
import time
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FOLIO_BIN = os.environ.get("FOLIO_BIN", os.path.join(REPO, ".build", "debug", "folio"))


def have_tmux():
    return shutil.which("tmux") is not None


class Pane:
    """One detached tmux session running one command at a fixed size."""

    def __init__(self, command, width=80, height=24, env=None):
        self.socket = "folio-e2e-" + uuid.uuid4().hex[:8]
        self.name = "t"
        full_env = dict(os.environ)
        full_env.setdefault("LANG", "C.UTF-8")
        full_env["TERM"] = "xterm-256color"
        if env:
            full_env.update(env)
        exports = " ".join(f"{k}={_quote(v)}" for k, v in (env or {}).items())
        shell_cmd = f"{exports} {command}; echo FOLIO-EXITED=$?; sleep 30"
        self._tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                   "sh", "-c", shell_cmd, env=full_env)
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def _tmux(self, *args, env=None, check=True):
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, env=env, check=check)

    def send(self, *keys, literal=False):
        args = ["send-keys", "-t", self.name]
        if literal:
            args.append("-l")
        self._tmux(*args, *keys)

    def text(self):
        return self._tmux("capture-pane", "-p", "-t", self.name).stdout

    def styled(self):
        """The screen with SGR escapes for colours and attributes (capture-pane -e)."""
        return self._tmux("capture-pane", "-e", "-p", "-t", self.name).stdout

    def wait_for(self, *needles, timeout=10.0):
        """The screen once every needle is on it (a frame may be captured half drawn)."""
        deadline = time.time() + timeout
        screen = ""
        while time.time() < deadline:
            screen = self.text()
            if all(n in screen for n in needles):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {needles!r}; screen was:\n{screen}")

    def wait_gone(self, needle, timeout=10.0):
        deadline = time.time() + timeout
        screen = ""
        while time.time() < deadline:
            screen = self.text()
            if needle not in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} still on screen:\n{screen}")

    def resize(self, width, height):
        self._tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def pane_pid(self):
        out = self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").stdout.strip()
        return int(out) if out else None

    def alternate_on(self):
        out = self._tmux("display-message", "-p", "-t", self.name, "#{alternate_on}").stdout.strip()
        return out == "1"

    def mouse_any(self):
        out = self._tmux("display-message", "-p", "-t", self.name, "#{mouse_any_flag}").stdout.strip()
        return out == "1"

    def kill(self):
        self._tmux("kill-server", check=False)


def _quote(value):
    return "'" + str(value).replace("'", "'\\''") + "'"
