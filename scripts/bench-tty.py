#!/usr/bin/env python3
"""Terminal-side measurements for scripts/bench: programs run interactively in a private tmux
server (80x24, TERM=xterm-256color, status line off so the pane is the whole window), their
unique set size read from /proc, and the bytes they write to the pty per keystroke captured
with `tmux pipe-pane -o`. Imported by scripts/bench; stdlib only.
"""
import os
import re
import shlex
import statistics
import subprocess
import tempfile
import time

CONF = "set -g status off\nset -g remain-on-exit on\nset -g default-terminal xterm-256color\nset -g history-limit 0\n"
ENV = ["env", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]


class Tmux:
    """A tmux server of our own (its own socket), so nothing else is touched; kill() ends it."""

    def __init__(self, workdir):
        self.socket = os.path.join(workdir, "tmux.sock")
        self.conf = os.path.join(workdir, "tmux.conf")
        with open(self.conf, "w") as f:
            f.write(CONF)

    def __call__(self, *args, check=True):
        r = subprocess.run(["tmux", "-S", self.socket, "-f", self.conf, *args],
                           capture_output=True, text=True)
        if check and r.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {r.stderr.strip()}")
        return r.stdout

    def start(self, name, argv, width=80, height=24):
        """Runs argv as the pane's process itself (exec), so pane_pid is the program's pid."""
        command = "exec " + shlex.join(ENV + list(argv))
        self("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)

    def pid(self, name):
        return int(self("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def dead(self, name):
        return self("display-message", "-p", "-t", name, "#{pane_dead}").strip() == "1"

    def screen(self, name):
        return self("capture-pane", "-p", "-t", name)

    def keys(self, name, *keys):
        self("send-keys", "-t", name, *keys)

    def kill(self):
        self("kill-server", check=False)


def settle(tmux, name, timeout=10.0, quiet=0.4):
    """Waits until the pane shows something and stops changing; False if the program died."""
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        if tmux.dead(name):
            return False
        shown = tmux.screen(name)
        if shown != last:
            last, since = shown, time.monotonic()
        elif shown.strip() and time.monotonic() - since >= quiet:
            return True
        time.sleep(0.05)
    return bool(last and last.strip())


def uss_kib(pid):
    """Unique set size: Private_Clean + Private_Dirty from smaps_rollup, in KiB."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                fields[parts[0][:-1]] = int(parts[1])
    return fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0), fields


def uss_by_mapping(pid):
    """Private KiB and RSS KiB per mapping name (file basename, [heap], [anon], [stack])."""
    totals, current = {}, None
    header = re.compile(r"^[0-9a-f]+-[0-9a-f]+ ")
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            if header.match(line):
                parts = line.split(None, 5)
                path = parts[5].strip() if len(parts) > 5 else ""
                current = os.path.basename(path) if path.startswith("/") else (path or "[anon]")
                totals.setdefault(current, [0, 0])
            elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                totals[current][0] += int(line.split()[1])
            elif line.startswith("Rss:"):
                totals[current][1] += int(line.split()[1])
    return sorted(totals.items(), key=lambda kv: -kv[1][0])


def memory(tmux, label, argv, sessions=10):
    """Starts `sessions` copies; returns (median USS KiB, [USS KiB], pid of the median one, note)."""
    names = [f"{label}-{i}" for i in range(sessions)]
    for name in names:
        tmux.start(name, argv)
    alive = [n for n in names if settle(tmux, n)]
    if not alive:
        return None, [], None, f"{label} exited at start: {tmux.screen(names[0]).strip()[:200]!r}"
    time.sleep(0.5)  # let lazy initialisation after the first frame finish
    figures = [(uss_kib(tmux.pid(n))[0], tmux.pid(n)) for n in alive]
    ordered = sorted(figures)
    median_pid = ordered[len(ordered) // 2][1]
    note = "" if len(alive) == sessions else f"{sessions - len(alive)} of {sessions} sessions died"
    return statistics.median(f for f, _ in figures), [f for f, _ in figures], median_pid, note


CLEARS = (b"\x1b[2J", b"\x1b[H\x1b[J", b"\x1b[J")


def wait_output(path, before, quiet=0.15, timeout=1.5):
    """Bytes appended to `path` after a key, once output has been quiet for `quiet` seconds."""
    start = time.monotonic()
    size, changed = before, start
    while time.monotonic() - start < timeout:
        time.sleep(0.01)
        now = os.path.getsize(path)
        if now != size:
            size, changed = now, time.monotonic()
        elif size != before and time.monotonic() - changed >= quiet:
            break
    return size


def bytes_per_key(tmux, name, prepare, keys, measured=None):
    """Presses `prepare` (unmeasured), then each key of `keys`; returns the per-key byte counts of
    the keys whose index is in `measured` (all by default) and how many of those cleared the
    screen or rewrote at least a full screen's worth of cells."""
    fd, log = tempfile.mkstemp(prefix="pty-", suffix=".log", dir=os.path.dirname(tmux.socket))
    os.close(fd)
    tmux("pipe-pane", "-o", "-t", name, "cat >> " + shlex.quote(log))
    try:
        for key in prepare:
            tmux.keys(name, key)
            wait_output(log, os.path.getsize(log))
        counts, full = [], 0
        for i, key in enumerate(keys):
            before = os.path.getsize(log)
            tmux.keys(name, key)
            after = wait_output(log, before)
            if measured is None or i in measured:
                with open(log, "rb") as f:
                    f.seek(before)
                    chunk = f.read(after - before)
                counts.append(after - before)
                full += any(c in chunk for c in CLEARS) or len(chunk) >= 80 * 24
        return counts, full
    finally:
        tmux("pipe-pane", "-t", name, check=False)
