"""`folio serve` against the real OpenSSH client: anonymous visitors get folio's kiosk on a
pty, and nothing else (no commands, no sftp/scp, no forwarding); limits, hang-ups, SIGTERM and
a stable host key.

Run with the other e2e tests (flock /tmp/folio-e2e.lock); needs root, tmux, ssh and both
binaries (FOLIO_BIN, FOLIO_SERVE_BIN or Server/.build/debug/folio-serve).
"""
import email
import email.policy
import os
import re
import resource
import signal
import socket
import subprocess
import time
import unittest
import uuid

import serve_harness
import sshd_harness as h
import visit_support

REASON = serve_harness.unavailable()


def setUpModule():
    global S
    if REASON:
        return
    S = serve_harness.ServeHarness().start()


def tearDownModule():
    if not REASON:
        S.stop()


@unittest.skipIf(REASON, REASON or "")
class ServeTestCase(unittest.TestCase):
    server_args = ()

    def setUp(self):
        self.panes = []
        if S.server is None or S.server.poll() is not None or S.extra != list(self.server_args):
            S.stop_server()
            S.start_server(*self.server_args)
        # Every visitor of an earlier test has gone.
        h.wait_until(lambda: not S.kiosks(), 10, what="the earlier tests' kiosks to end")

    def tearDown(self):
        for pane in self.panes:
            pane.kill()

    def open_pane(self, *remote, **kwargs):
        pane = S.pane(*remote, **kwargs)
        self.panes.append(pane)
        return pane

    def wait_for_ui(self, pane):
        return pane.wait_for("Case studies", timeout=20)

    def kiosk_pid(self):
        pids = h.wait_until(S.kiosks, 10, what="the visitor's folio")
        self.assertEqual(len(pids), 1, pids)
        return pids[0]

    def client_pid(self, pane):
        shell = pane.pane_pid()
        return h.wait_until(lambda: next((p for p in h.children(shell) if h.proc_stat(p)[0] == "ssh"), None),
                            10, what="the ssh client in the pane")

    def delivered(self, needle):
        found = []
        try:
            names = os.listdir(os.path.join(S.outbox, "new"))
        except FileNotFoundError:
            return []
        for name in names:
            with open(os.path.join(S.outbox, "new", name), "rb") as f:
                raw = f.read()
            if needle.encode() in raw:
                found.append((name, raw))
        return found

    def log_lines(self, needle):
        return [line for line in S.server_log().splitlines() if needle in line]


class VisitorTests(ServeTestCase):
    def test_visitor_browses_searches_and_sends_an_enquiry_with_the_origin(self):
        tag = uuid.uuid4().hex[:8]
        pane = self.open_pane()
        self.wait_for_ui(pane)
        visit_support.browse_and_search(pane)
        message = f"Hello from folio serve {tag}."
        visit_support.type_enquiry(pane, "Ada Visitor", "ada@example.org", f"serve {tag}", message)
        pane.send("C-s")
        found = h.wait_until(lambda: self.delivered(f"serve {tag}"), 10, what="the enquiry in new/")
        self.assertEqual(len(found), 1)
        pane.wait_for("Saved to the outbox")
        parsed = email.message_from_bytes(found[0][1], policy=email.policy.default)
        self.assertIn(message, parsed.get_content())
        origin = " ".join(str(v) for k, v in parsed.items() if k.lower().startswith("x-folio-"))
        self.assertIn("127.0.0.1", origin)
        # The kiosk's environment is exactly what the server gave it: no agent socket, nothing
        # of the server's own.
        with open(f"/proc/{self.kiosk_pid()}/environ", "rb") as f:
            names = sorted(v.split(b"=", 1)[0].decode() for v in f.read().split(b"\0") if v)
        self.assertEqual([n for n in names if n not in ("LANG", "HOME")], ["SSH_CONNECTION", "TERM"], names)
        pane.send("Escape")
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")
        h.wait_until(lambda: self.log_lines("folio exit status 0"), 5, what="the connection's log line")

    def test_a_window_change_reaches_folio_clamped(self):
        pane = self.open_pane(width=80, height=24)
        self.wait_for_ui(pane)
        pid = self.kiosk_pid()
        tty = os.readlink(f"/proc/{pid}/fd/0")

        def size():
            return subprocess.run(["stty", "-F", tty, "size"], capture_output=True, text=True).stdout.split()
        self.assertEqual(size(), ["24", "80"])
        pane.resize(60, 20)
        h.wait_until(lambda: size() == ["20", "60"], 5, what="the pty to become 60×20")
        # folio redraws for the new width: no line of the screen is wider than 60 columns.
        screen = pane.wait_for("Case studies")
        self.assertTrue(all(len(line.rstrip()) <= 60 for line in screen.splitlines()), screen)
        pane.resize(700, 40)
        h.wait_until(lambda: size() == ["40", "500"], 5, what="the pty clamped to 500 columns")
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")

    def test_killing_the_client_ends_the_child_within_a_second_and_keeps_the_draft(self):
        marker = "draftmark" + uuid.uuid4().hex[:8]
        pane = self.open_pane()
        self.wait_for_ui(pane)
        visit_support.type_enquiry(pane, "Draft Keeper", "keeper@example.org", "unsent", "half a thought " + marker)
        pid = self.kiosk_pid()
        os.kill(self.client_pid(pane), signal.SIGKILL)
        killed = time.monotonic()
        h.wait_until(lambda: not h.alive(pid), 3, interval=0.01, what="folio to exit after the client died")
        self.assertLessEqual(time.monotonic() - killed, 1.0, "the child outlived the client by over 1 s")
        self.assertTrue(S.files_containing(os.path.join(S.home, ".local"), marker), "no draft holds the text")
        self.assertEqual(self.delivered(marker), [])


class RefusalTests(ServeTestCase):
    def assert_nothing_ran(self):
        self.assertEqual(S.kiosks(), [], "a process runs for a refused request")

    def test_commands_are_refused_with_one_line_and_status_1(self):
        for tty in (False, True):
            done = S.ssh("id", tty=tty)
            self.assertEqual(done.returncode, 1, done)
            self.assertIn(b"folio runs no commands", done.stderr + done.stdout)
            self.assertNotIn(b"uid=", done.stdout + done.stderr)
        self.assert_nothing_ran()

    def test_a_shell_without_a_pty_is_refused(self):
        done = S.ssh(tty=False)
        self.assertEqual(done.returncode, 1, done)
        self.assertIn(b"folio needs a terminal", done.stderr)
        self.assert_nothing_ran()

    def test_sftp_and_scp_are_refused(self):
        common = ["-F", "/dev/null", "-P", str(S.port), "-o", "BatchMode=yes",
                  "-o", f"UserKnownHostsFile={S.known_hosts}", "-o", "StrictHostKeyChecking=accept-new"]
        sftp = subprocess.run(["sftp", *common, "-b", "-", "x@127.0.0.1"], input=b"ls\n",
                              capture_output=True, timeout=30, env=S.client_env())
        self.assertNotEqual(sftp.returncode, 0, sftp)
        target = S.path("client", "copied")
        for legacy in ([], ["-O"]):
            scp = subprocess.run(["scp", *common, *legacy, "x@127.0.0.1:/etc/hostname", target],
                                 capture_output=True, timeout=30, env=S.client_env())
            self.assertNotEqual(scp.returncode, 0, scp)
            self.assertFalse(os.path.exists(target))
        self.assert_nothing_ran()

    def test_forwarding_is_refused(self):
        # -R: the server refuses tcpip-forward; with ExitOnForwardFailure ssh gives up.
        done = S.ssh("-N", "-R", "0:127.0.0.1:9", tty=False, options=("ExitOnForwardFailure=yes",))
        self.assertNotEqual(done.returncode, 0, done)
        self.assertIn(b"forwarding failed", done.stderr)
        # -L: the local end listens, but the server opens no direct-tcpip channel.
        local = h.free_port()
        proc = subprocess.Popen(S.ssh_argv("-N", "-L", f"{local}:127.0.0.1:{S.port}", tty=False),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=S.client_env())
        try:
            h.wait_until(lambda: h.port_open(local), 10, what="ssh -L to listen")
            with socket.create_connection(("127.0.0.1", local), timeout=10) as sock:
                self.assertEqual(sock.recv(100), b"", "a forwarded connection reached the target")
        finally:
            proc.terminate()
            proc.communicate(timeout=10)
        self.assert_nothing_ran()

    def test_agent_forwarding_gives_the_visitor_no_socket(self):
        agent = subprocess.run(["ssh-agent", "-s"], capture_output=True, text=True, check=True).stdout
        sock = re.search(r"SSH_AUTH_SOCK=([^;]+);", agent).group(1)
        agent_pid = int(re.search(r"SSH_AGENT_PID=(\d+);", agent).group(1))
        try:
            pane = self.open_pane(options=("ForwardAgent=yes", f"IdentityAgent={sock}"))
            self.wait_for_ui(pane)
            with open(f"/proc/{self.kiosk_pid()}/environ", "rb") as f:
                self.assertNotIn(b"SSH_AUTH_SOCK", f.read())
            pane.send("q")
            pane.wait_for("FOLIO-EXITED=0")
        finally:
            os.kill(agent_pid, signal.SIGTERM)


class LimitTests(ServeTestCase):
    server_args = ("--per-address", "4", "--max-sessions", "5")

    def assert_refused_after(self, sessions, refusal, source):
        """`sessions` visitors from 127.0.0.1 are in; one more from `source` is told `refusal`."""
        panes = [self.open_pane() for _ in range(sessions)]
        for pane in panes:
            self.wait_for_ui(pane)
        done = S.ssh(tty=True, options=(f"BindAddress={source}",))
        self.assertEqual(done.returncode, 1, done)
        self.assertIn(refusal, done.stdout + done.stderr)
        self.assertEqual(len(S.kiosks()), len(self.panes), "a refused visitor got a process")
        for pane in panes:
            pane.send("q")
        for pane in panes:
            pane.wait_for("FOLIO-EXITED=0")

    def test_the_fifth_session_from_one_address_is_refused(self):
        self.assert_refused_after(4, b"at most 4 sessions from one address", "127.0.0.1")

    def test_sessions_beyond_the_maximum_are_refused_whatever_the_address(self):
        panes = [self.open_pane(options=("BindAddress=127.0.0.2",))]
        self.wait_for_ui(panes[0])
        self.assert_refused_after(4, b"this server is full (5 visitors)", "127.0.0.3")
        panes[0].send("q")
        panes[0].wait_for("FOLIO-EXITED=0")


class ConfigFileTests(ServeTestCase):
    """serve_* keys in the config file (--config here; /etc/folio/folio.conf by default)."""

    def write_config(self, text):
        config = S.path("serve.conf")
        with open(config, "w") as f:
            f.write(text)
        os.chmod(config, 0o644)
        return config

    def assert_refused_after(self, admitted, *server_args):
        """folio serve started with `server_args` admits `admitted` visitors from 127.0.0.1,
        and tells the next one so."""
        S.stop_server()
        S.start_server(*server_args)
        panes = [self.open_pane() for _ in range(admitted)]
        for pane in panes:
            self.wait_for_ui(pane)
        done = S.ssh(tty=True, timeout=20)
        self.assertEqual(done.returncode, 1, done)
        self.assertIn(f"at most {admitted} sessions from one address".encode(), done.stdout + done.stderr)
        for pane in panes:
            pane.send("q")
        for pane in panes:
            pane.wait_for("FOLIO-EXITED=0")

    def test_the_config_file_sets_the_limit_and_a_flag_wins_over_it(self):
        config = self.write_config("serve_per_address = 1\nserve_max_sessions = 9\n")
        self.assert_refused_after(1, "--config", config)
        self.assert_refused_after(2, "--config", config, "--per-address", "2")

    def test_a_bad_config_file_stops_the_server_with_line_and_column(self):
        config = self.write_config("serve_max_sessions = off\n")
        done = subprocess.run([S.folio, "serve", "--listen", "127.0.0.1:0", "--config", config],
                              capture_output=True, timeout=30, env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
        self.assertEqual(done.returncode, 78, done)
        self.assertIn(f"{config}:1:22".encode(), done.stderr)
        self.assertIn(b"off is not allowed", done.stderr)


class ManySessionTests(ServeTestCase):
    server_args = ("--per-address", "60")

    def test_fifty_concurrent_sessions(self):
        procs = []
        for _ in range(50):
            master, slave = os.openpty()
            proc = subprocess.Popen(S.ssh_argv(tty=True), stdin=slave, stdout=slave, stderr=slave,
                                    env=dict(S.client_env(), TERM="xterm-256color"), start_new_session=True)
            os.close(slave)
            procs.append((proc, master))
        try:
            h.wait_until(lambda: len(S.kiosks()) == 50, 60, interval=0.2, what="50 visitors' folio")
        finally:
            for proc, master in procs:
                os.write(master, b"q")
            for proc, master in procs:
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                os.close(master)
        self.assertEqual([p.returncode for p, _ in procs], [0] * 50)


class LifecycleTests(ServeTestCase):
    def test_sigterm_hangs_up_every_session_keeps_drafts_and_exits(self):
        marker = "drainmark" + uuid.uuid4().hex[:8]
        pane = self.open_pane()
        other = self.open_pane()
        self.wait_for_ui(pane)
        self.wait_for_ui(other)
        visit_support.type_enquiry(pane, "Draining", "drain@example.org", "unsent", "left mid-way " + marker)
        S.server.send_signal(signal.SIGTERM)
        S.server.wait(15)
        self.assertEqual(S.server.returncode, 0, S.server_log())
        for p in (pane, other):
            p.wait_for("server is stopping", "FOLIO-EXITED=")
        self.assertEqual(S.kiosks(), [])
        self.assertTrue(S.files_containing(os.path.join(S.home, ".local"), marker), "the draft was lost")

    def test_the_host_key_is_the_same_after_a_restart(self):
        first = S.ssh("id", strict="accept-new")
        self.assertEqual(first.returncode, 1, first)
        S.stop_server()
        S.start_server(*self.server_args, port=S.port)   # the same [127.0.0.1]:port in known_hosts
        again = S.ssh("id", strict="yes")
        self.assertEqual(again.returncode, 1, again)   # refused as a command, not as a host key
        self.assertNotIn(b"HOST IDENTIFICATION HAS CHANGED", again.stderr)
        key = os.path.join(S.state, "folio", "ssh_host_ed25519_key")
        self.assertEqual(os.stat(key).st_mode & 0o777, 0o600)
        fingerprint = subprocess.run(["ssh-keygen", "-lf", key], capture_output=True, text=True).stdout.split()[1]
        self.assertTrue(self.log_lines(fingerprint), S.server_log())


class FlowControlTests(ServeTestCase):
    def test_a_stopped_client_does_not_grow_the_server(self):
        pane = self.open_pane(width=200, height=60)
        self.wait_for_ui(pane)
        client = self.client_pid(pane)
        tty = os.readlink(f"/proc/{self.kiosk_pid()}/fd/0")

        def rss():
            return visit_support.status_kb(S.server.pid, "VmRSS")

        def redraw(i):
            # A size change on the child's side of the pty: folio redraws the whole screen,
            # so output keeps flowing while the client reads nothing.
            cols, rows = (200, 60) if i % 2 else (199, 59)
            subprocess.run(["stty", "-F", tty, "cols", str(cols), "rows", str(rows)], check=True)
        os.kill(client, signal.SIGSTOP)
        try:
            for i in range(100):   # fill the socket buffers and the SSH window first
                redraw(i)
            before = rss()
            samples = []
            deadline = time.monotonic() + 10
            i = 0
            while time.monotonic() < deadline:
                redraw(i)
                i += 1
                samples.append(rss())
                time.sleep(0.05)
            self.assertLess(max(samples) - before, 4 * 1024, f"RSS grew from {before} kB: {samples}")
        finally:
            os.kill(client, signal.SIGCONT)
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0", timeout=20)


if __name__ == "__main__":
    unittest.main()
