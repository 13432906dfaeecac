#!/usr/bin/env python3
"""folio serve against sshd + ForceCommand, in the same run: memory per visitor and connection
set-up time. Figures to read, never a pass/fail test. Needs root (both servers run as throw-away
accounts, through the e2e harnesses in Tests/e2e), ssh, sshd and tmux.

    scripts/bench-serve.py [--sessions 10] [--runs 20]

Binaries: FOLIO_BIN and FOLIO_SERVE_BIN (default: the release builds; build them with
`swift build -c release --product folio` and `swift build -c release --package-path Server`).

Memory per visitor, for N visitors at once, each a real `ssh -tt` client on a pty:
  serve: (folio-serve's PSS with N visitors − its PSS with none) / N, plus the median USS of a
         visitor's folio --kiosk;
  sshd:  the median summed USS of the per-connection sshd processes of one visitor (the
         privileged monitor and the unprivileged session process), plus its folio's USS.
Set-up: wall time from starting `ssh -tt host` until the browser's first frame arrives (key
exchange, authentication, session, pty, folio --kiosk starting), median of --runs, the two
servers interleaved.
"""
import argparse
import importlib.util
import os
import select
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
os.environ.setdefault("FOLIO_BIN", os.path.join(ROOT, ".build", "release", "folio"))
os.environ.setdefault("FOLIO_SERVE_BIN", os.path.join(ROOT, "Server", ".build", "release", "folio-serve"))

import serve_harness  # noqa: E402
import sshd_harness as h  # noqa: E402
from visit_support import status_kb  # noqa: E402


def _bench_tty():
    spec = importlib.util.spec_from_file_location("bench_tty", os.path.join(ROOT, "scripts", "bench-tty.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


uss_kib = _bench_tty().uss_kib   # (USS, smaps_rollup fields) in KiB: the one smaps reader


def smaps(pid):
    return uss_kib(pid)[1]


def uss(pid):
    return uss_kib(pid)[0]


class Visitors:
    """N `ssh -tt` clients on ptys whose output is read (and dropped) by one thread."""

    def __init__(self, argv, count, env):
        self.masters, self.procs, self.stop = [], [], False
        for _ in range(count):
            master, slave = os.openpty()
            self.procs.append(subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                               env=dict(env, TERM="xterm-256color"), start_new_session=True))
            os.close(slave)
            self.masters.append(master)
        self.reader = threading.Thread(target=self.drain, daemon=True)
        self.reader.start()

    def drain(self):
        while not self.stop:
            ready, _, _ = select.select(self.masters, [], [], 0.1)
            for fd in ready:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass

    def close(self):
        for master in self.masters:
            try:
                os.write(master, b"q")
            except OSError:
                pass
        for proc in self.procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.stop = True
        self.reader.join()
        for master in self.masters:
            os.close(master)


def threads(pid):
    return status_kb(pid, "Threads")


def folios(uid):
    return [p[0] for p in h.processes() if p[1] == uid and p[2] == "folio" and p[3] != "Z"]


def settle(uid, count):
    h.wait_until(lambda: len(folios(uid)) == count, 120, interval=0.2, what=f"{count} visitors' folio")
    time.sleep(2)   # the first frames drawn, lazy initialisation done


def serve_memory(S, sessions):
    base = smaps(S.server.pid)["Pss"]
    visitors = Visitors(S.ssh_argv(tty=True), sessions, S.client_env())
    try:
        settle(S.uid, sessions)
        server = (smaps(S.server.pid)["Pss"] - base) / sessions
        child = statistics.median(uss(p) for p in folios(S.uid))
        total_server = smaps(S.server.pid)["Pss"] / sessions
        tasks = (threads(S.server.pid), max(threads(p) for p in folios(S.uid)))
    finally:
        visitors.close()
    return server, child, total_server, tasks


def sshd_memory(s, sessions):
    uid = h.pwd.getpwnam(h.VISITOR).pw_uid
    visitors = Visitors(s.ssh_argv(h.VISITOR, tty=True), sessions, s.client_env())
    try:
        settle(uid, sessions)
        per_connection = [p for p in h.children(s.sshd.pid)]   # one monitor per connection
        shares = []
        for monitor in per_connection:
            shares.append(uss(monitor) + sum(uss(c) for c in h.children(monitor) if h.proc_stat(c)[0] == "sshd"))
        server = statistics.median(shares)
        child = statistics.median(uss(p) for p in folios(uid))
    finally:
        visitors.close()
    return server, child


def first_frame_ms(argv, env):
    """Wall ms from starting `ssh -tt` on a pty until the browser's tab bar arrives; then q."""
    master, slave = os.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                            env=dict(env, TERM="xterm-256color"), start_new_session=True)
    os.close(slave)
    seen, took = b"", None
    deadline = time.monotonic() + 30
    while took is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if b"studies" in seen:
                took = (time.perf_counter() - start) * 1000
    os.write(master, b"q")
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    os.close(master)
    if took is None:
        raise RuntimeError(f"no first frame from {argv}: {seen[-300:]!r}")
    return took


def setup_times(S, s, runs):
    """Median ms to the first frame, the two servers interleaved (load hits both alike)."""
    commands = {"serve": (S.ssh_argv(tty=True), S.client_env()),
                "sshd": (s.ssh_argv(h.VISITOR, tty=True), s.client_env())}
    times = {k: [] for k in commands}
    for i in range(runs + 2):
        for label, (argv, env) in commands.items():
            took = first_frame_ms(argv, env)
            if i >= 2:
                times[label].append(took)
    return {k: statistics.median(v) for k, v in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    reason = serve_harness.unavailable() or h.unavailable()
    if reason:
        sys.exit(f"bench-serve: {reason}")
    S = serve_harness.ServeHarness().start()
    s = h.SshHarness().start()
    try:
        S.start_server("--per-address", str(args.sessions + 1), "--max-sessions", str(args.sessions + 1))
        # sshd: the same binary and content; known_hosts trusts its key (the harness wrote it).
        serve_server, serve_child, serve_total, tasks = serve_memory(S, args.sessions)
        sshd_server, sshd_child = sshd_memory(s, args.sessions)
        times = setup_times(S, s, args.runs)
    finally:
        s.stop()
        S.stop()
    mib = 1024
    print(f"| Per visitor ({args.sessions} at once) | folio serve | sshd + ForceCommand | serve ÷ sshd |")
    print("|---|---|---|---|")
    print(f"| server's share, MiB | {serve_server / mib:.2f} | {sshd_server / mib:.2f} | "
          f"{serve_server / sshd_server:.2f}× |")
    print(f"| folio --kiosk USS, MiB | {serve_child / mib:.2f} | {sshd_child / mib:.2f} | "
          f"{serve_child / sshd_child:.2f}× |")
    total_serve, total_sshd = serve_server + serve_child, sshd_server + sshd_child
    print(f"| total, MiB | {total_serve / mib:.2f} | {total_sshd / mib:.2f} | {total_serve / total_sshd:.2f}× |")
    print(f"| connection to the first frame, ms (median of {args.runs}) | {times['serve']:.0f} | "
          f"{times['sshd']:.0f} | {times['serve'] / times['sshd']:.2f}× |")
    print(f"\nfolio-serve's whole PSS divided by {args.sessions} visitors: {serve_total / mib:.2f} MiB each "
          "(includes its fixed cost: runtime, NIO, crypto).")
    print(f"Threads: folio-serve {tasks[0]}, each visitor's folio {tasks[1]}.")


if __name__ == "__main__":
    main()
