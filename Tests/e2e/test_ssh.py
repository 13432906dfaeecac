"""folio on a shared box, through a real sshd (see sshd_harness.py): kiosk visitors under a
ForceCommand, people with their own accounts, and the shared outbox between them.

Needs root, openssh-server, ssh, tmux; skips with the reason otherwise (and says so).
"""
import email
import email.policy
import mailbox
import os
import re
import shlex
import shutil
import socket
import subprocess
import time
import unittest
import uuid

import sshd_harness as h
import visit_support
import tmux_util
from sshd_harness import GROUP, OWNER, USER_A, USER_B, VISITOR, wait_until
from visit_support import status_kb

REFUSAL = "folio needs a terminal: connect with ssh -t"
def strict(raw):
    return email.message_from_bytes(raw, policy=email.policy.strict)


HARNESS = None
OUTBOX_INIT = None


def bytes_read(pid):
    """How many bytes the process has read so far (rchar in /proc/PID/io)."""
    with open(f"/proc/{pid}/io") as f:
        return int(re.search(r"rchar:\s+(\d+)", f.read()).group(1))


# Peak RSS a visit may reach whatever window size its client claims (a debug build at the
# 500×300 clamp peaks near 50 MB; before the clamp, 4000×4000 took 1.3 GB).
WINDOW_PEAK_LIMIT_KB = 100_000


def setUpModule():
    """One sshd and one set of accounts for the whole module."""
    global HARNESS, OUTBOX_INIT
    reason = h.unavailable()
    if reason:
        print(f"\nssh end-to-end tests skipped: {reason}")
        raise unittest.SkipTest(reason)
    HARNESS = h.SshHarness().start()
    # The owner prepares the shared outbox over ssh, as DEPLOY.md says.
    OUTBOX_INIT = HARNESS.ssh(OWNER, HARNESS.folio, "outbox", "init", "--shared", "--group", GROUP,
                              HARNESS.outbox)


def tearDownModule():
    if HARNESS:
        HARNESS.stop()


class SshTestCase(unittest.TestCase):
    def setUp(self):
        self.s = HARNESS
        self.s.reset_state(VISITOR)
        self.panes = []

    def tearDown(self):
        for pane in self.panes:
            pane.kill()

    def open_pane(self, user, *remote, **kwargs):
        pane = self.s.pane(user, *remote, **kwargs)
        self.panes.append(pane)
        return pane

    def require_outbox(self):
        done = OUTBOX_INIT
        self.assertEqual(done.returncode, 0, f"folio outbox init --shared failed: {done.stderr!r}")

    def folio_pid(self, user=VISITOR):
        pids = wait_until(lambda: h.pids_of(user), 10, what=f"folio running as {user}")
        self.assertEqual(len(pids), 1, pids)
        return pids[0]

    def wait_for_ui(self, pane):
        # The tab bar names every section; any one screen of the browser shows it.
        return pane.wait_for("Case studies", timeout=15)

    def delivered(self, needle):
        """(file name, raw bytes) of each message in new/ whose bytes contain `needle`."""
        found = []
        for name in self.s.outbox_messages():
            with open(os.path.join(self.s.outbox, "new", name), "rb") as f:
                raw = f.read()
            if needle.encode() in raw:
                found.append((name, raw))
        return found

    def new_message_with(self, needle, timeout=10):
        found = wait_until(lambda: self.delivered(needle), timeout,
                           what=f"a message containing {needle!r} in new/")
        self.assertEqual(len(found), 1, "delivered more than once")
        return found[0]

    def assert_no_process_starts(self, pid, seconds):
        """Watches folio for `seconds`: no child process, no launcher mark."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.assertEqual(h.children(pid), [], "folio started a process")
            self.assertEqual(os.listdir(self.s.marks), [], "a launcher program ran")
            time.sleep(0.02)

    def kill_client_and_wait_for_exit(self, pane, pid):
        """Kills the ssh client (the connection drops without a goodbye); folio must exit
        within 1 s without spinning on the dead terminal."""
        ticks_before = h.proc_stat(pid)[3]
        os.kill(self.s.ssh_client_pid(pane), h.signal.SIGKILL)
        killed = time.monotonic()
        ticks = [ticks_before]

        def gone():
            info = h.proc_stat(pid)
            if info is None or info[1] == "Z":
                return True
            ticks.append(info[3])
            return False
        wait_until(gone, 3, interval=0.01, what="folio to exit after the client died")
        took = time.monotonic() - killed
        if os.environ.get("FOLIO_E2E_TIMES"):
            print(f"\n{self.id()}: folio exited {took * 1000:.0f} ms after the hang-up")
        self.assertLessEqual(took, 1.0, "folio took more than 1 s to exit")
        self.assertLess((ticks[-1] - ticks_before) / h.CLOCK_TICKS, 0.5, "folio spun on the dead terminal")

    def drafts_with(self, needle):
        return self.s.files_containing(os.path.join(self.s.home(VISITOR), ".local"), needle)


class PrivateSshdTests(SshTestCase):
    """The harness itself: our sshd, our accounts, a real PTY. These run today."""

    def test_accounts_log_in_with_their_keys_and_only_ours(self):
        done = self.s.ssh(USER_A, "id", "-un")
        self.assertEqual((done.returncode, done.stdout), (0, b"folio_t_a\n"), done.stderr)
        self.assertIn(f"Accepted publickey for {USER_A}", self.s.sshd_log())
        groups = self.s.ssh(USER_B, "id", "-Gn").stdout.decode().split()
        self.assertIn(GROUP, groups)

    def test_ssh_tt_under_tmux_gets_a_pty(self):
        pane = self.open_pane(USER_A, "tty; echo pty-ok")
        screen = pane.wait_for("pty-ok")
        self.assertRegex(screen, r"/dev/pts/\d+")
        pane.wait_for("FOLIO-EXITED=0")

    def test_folio_and_its_runtime_are_usable_by_other_accounts(self):
        local = subprocess.run([self.s.folio, "--version"], capture_output=True)
        done = self.s.ssh(USER_A, self.s.folio, "--version")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, local.stdout)

    def test_forcecommand_runs_folio_whatever_command_is_asked_for(self):
        mark = os.path.join(self.s.marks, "command-ran")
        for tty in (False, None):
            for command in (f"touch {mark}", f"sh -c 'touch {mark}; id'", "id"):
                done = self.s.ssh(VISITOR, command, tty=tty)
                output = done.stdout + done.stderr
                self.assertNotIn(b"uid=", output, command)
                self.assertIn(b"folio", output, command)
                self.assertFalse(os.path.exists(mark), command)
        # With a terminal too: folio starts (and may stay open) but the command never runs.
        pane = self.open_pane(VISITOR, f"touch {mark}; id")
        wait_until(lambda: "FOLIO-EXITED" in pane.text() or h.pids_of(VISITOR), 15,
                   what="folio to start or the session to end")
        self.assertNotIn("uid=", pane.text())
        self.assertFalse(os.path.exists(mark))


class SharedOutboxTests(SshTestCase):
    def test_owner_prepares_the_shared_outbox(self):
        self.require_outbox()
        gid = h.grp.getgrnam(GROUP).gr_gid
        for sub, mode in (("", 0o710), ("tmp", 0o3730), ("new", 0o3730)):
            info = os.stat(os.path.join(self.s.outbox, sub))
            self.assertEqual((oct(info.st_mode & 0o7777), info.st_gid), (oct(mode), gid), sub or "outbox")

    def test_two_users_write_at_once_and_only_the_owner_reads(self):
        self.require_outbox()
        tag = uuid.uuid4().hex[:8]
        writers = {}
        for user in (USER_A, USER_B):
            argv = self.s.ssh_argv(user, self.s.folio, "enquire", "--content", self.s.content,
                                   "--outbox", self.s.outbox, "--name", f"User {user[-1].upper()}",
                                   "--email", f"{user[-1]}@example.org",
                                   "--subject", f"from {user} {tag}", tty=False)
            writers[user] = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, env=self.s.client_env())
        results = {}
        for user, proc in writers.items():
            with proc:
                results[user] = (*proc.communicate(f"Hello from {user}.\n".encode(), timeout=30),
                                 proc.returncode)
        ids = {}
        for user, (out, err, status) in results.items():
            self.assertEqual(status, 0, err)
            ids[user] = out.decode().strip()
        new = os.path.join(self.s.outbox, "new")
        for user, name in ids.items():
            info = os.stat(os.path.join(new, name))
            self.assertEqual((oct(info.st_mode & 0o777), info.st_uid),
                             (oct(0o640), h.pwd.getpwnam(user).pw_uid))
        # B cannot list new/, glob it, or get folio to list or show A's enquiry.
        for command in (f"ls {new}", f"cat {new}/*", f"ls {self.s.outbox}/tmp"):
            done = self.s.ssh(USER_B, command)
            self.assertNotEqual(done.returncode, 0, command)
            self.assertNotIn(f"from {USER_A}".encode(), done.stdout, command)
        for args in (("list",), ("show", ids[USER_A][:12])):
            done = self.s.ssh(USER_B, self.s.folio, "outbox", *args, "--outbox", self.s.outbox)
            self.assertNotEqual(done.returncode, 0, args)
            self.assertNotIn(f"from {USER_A}".encode(), done.stdout, args)
        # The owner reads both, byte for byte what is on disk, and they parse strictly.
        for user, name in ids.items():
            done = self.s.ssh(OWNER, "cat", os.path.join(new, name))
            self.assertEqual(done.returncode, 0, done.stderr)
            message = strict(done.stdout)
            self.assertEqual(str(message["Subject"]), f"from {user} {tag}")
            self.assertEqual(message.get_content().strip(), f"Hello from {user}.")
        listing = self.s.ssh(OWNER, self.s.folio, "outbox", "list", "--outbox", self.s.outbox)
        self.assertEqual(listing.returncode, 0, listing.stderr)
        for user in ids:
            self.assertIn(f"from {user} {tag}".encode(), listing.stdout)
        self.assertEqual(os.listdir(os.path.join(self.s.outbox, "tmp")), [])


class KioskTests(SshTestCase):
    """Anonymous visitors through the ForceCommand account."""

    def test_without_a_tty_the_visitor_gets_one_line(self):
        for remote, tty in (((), False), (("sh -c id",), None), (("sh -c id",), False)):
            started = time.monotonic()
            done = self.s.ssh(VISITOR, *remote, tty=tty, timeout=10)
            self.assertLess(time.monotonic() - started, 5, "folio waited for input")
            output = (done.stdout + done.stderr).decode()
            self.assertEqual(output.replace("\r\n", "\n"), REFUSAL + "\n", remote)
            self.assertEqual(done.returncode, 1, remote)

    def test_kiosk_shows_no_content_problems_and_logs_them(self):
        """Broken content in a kiosk: no count, no problems page, no server path on any screen;
        the broken item is simply absent and the problems go to syslog (standard error is the
        visitor's terminal here)."""
        pages = {
            ("services", "zz-broken-kiosk.md"): "---\ntitle: Broken Kiosk Item\ntags: Kafka\n---\nbody\n",
            ("services", "zz-tagged-kiosk.md"): "---\ntitle: Tagged Kiosk Item\ntags: [Kafak]\n---\nbody\n",
            ("case-studies", "zz-warned-kiosk.md"): "---\ntitle: Warned Kiosk Study\nsumary: x\n---\nbody\n",
        }
        for (folder, name), text in pages.items():
            path = os.path.join(self.s.content, folder, name)
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, 0o644)
            self.addCleanup(os.unlink, path)
        log = self.listen_on_dev_log()
        pane = self.open_pane(VISITOR, width=120, height=40)
        self.wait_for_ui(pane)
        screens = [pane.text()]
        for keys, shown in ((("G",), "About ›"), (("Enter",), "About ›"), (("2",), "Tagged Kiosk Item"),
                            (("G", "Enter"), "Tagged Kiosk Item"), (("3",), "Warned Kiosk Study"),
                            (("?",), "Keys")):
            pane.send(*keys)
            screens.append(pane.wait_for(shown))
        pane.send("Escape")
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")
        for screen in screens:
            self.assertNotIn("content problem", screen.lower())
            self.assertNotIn(self.s.content, screen)
            self.assertNotIn("zz-", screen)
            # An unknown tag is a warning now (issue 12): the item shows it as written, under
            # "Other tags"; the warning's own words never reach the visitor.
            self.assertNotIn("did you mean", screen.lower())
            self.assertNotIn("in no group", screen)
            self.assertNotIn("Broken Kiosk Item", screen)
        if log is None:
            return   # a system logger owns /dev/log here: the screens above are the test
        logged = wait_until(lambda: self.read_log(log, "zz-broken-kiosk.md"), 10,
                            what="folio to log the content problems to syslog")
        self.assertIn(os.path.join(self.s.content, "services", "zz-tagged-kiosk.md"), logged)
        self.assertIn("zz-warned-kiosk.md", logged)

    def listen_on_dev_log(self):
        """A datagram socket at /dev/log that every account may write to, or None when a
        system logger already has it."""
        if os.path.exists("/dev/log"):
            return None
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind("/dev/log")
        os.chmod("/dev/log", 0o666)
        sock.setblocking(False)
        self.addCleanup(os.unlink, "/dev/log")
        self.addCleanup(sock.close)
        return (sock, [])

    def read_log(self, log, needle):
        """Everything logged so far, once it mentions `needle`."""
        sock, received = log
        while True:
            try:
                received.append(sock.recv(65536).decode(errors="replace"))
            except BlockingIOError:
                break
        text = "\n".join(received)
        return text if needle in text else None

    def test_visitor_browses_searches_and_sends_an_enquiry(self):
        self.require_outbox()
        tag = uuid.uuid4().hex[:8]
        pane = self.open_pane(VISITOR)
        self.wait_for_ui(pane)
        visit_support.browse_and_search(pane)
        message = f"Hello from the kiosk test {tag}."
        visit_support.type_enquiry(pane, "Ada Visitor", "ada@example.org", f"kiosk {tag}", message)
        pane.send("C-s")
        name, raw = self.new_message_with(f"kiosk {tag}")
        screen = pane.wait_for("Saved to the outbox", "Thank you").replace("\n", "")
        parsed = strict(raw)
        # The confirmation names the message: by its file name (the outbox id) or Message-ID.
        self.assertTrue(name[:10] in screen or parsed["Message-ID"].strip("<>")[:10] in screen, screen)
        self.assertEqual(str(parsed["Subject"]), f"kiosk {tag}")
        self.assertEqual(parsed["From"].addresses[0].display_name, "Ada Visitor")
        self.assertEqual(parsed["From"].addresses[0].addr_spec, "ada@example.org")
        self.assertIn(message, parsed.get_content())
        origin = " ".join(str(v) for k, v in parsed.items() if k.lower().startswith("x-folio-"))
        self.assertIn("127.0.0.1", origin)
        # The owner finds it with mailbox.Maildir, and can read it as themself.
        box = mailbox.Maildir(self.s.outbox, factory=None, create=False)
        self.assertIn(name.split(":")[0], list(box.keys()))
        owner_copy = self.s.ssh(OWNER, "cat", os.path.join(self.s.outbox, "new", name))
        self.assertEqual(owner_copy.stdout, raw)
        pane.send("Escape")   # leave the composer (q would be typed into the cleared form)
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")

    def test_client_killed_mid_compose_folio_exits_fast_and_keeps_the_draft(self):
        marker = "draftmark" + uuid.uuid4().hex[:8]
        pane = self.open_pane(VISITOR)
        self.wait_for_ui(pane)
        visit_support.type_enquiry(pane, "Draft Keeper", "keeper@example.org", "unsent", "half a thought")
        pid = self.folio_pid()
        # The last words go in just before the hang-up, too soon for the pause-in-typing save:
        # only saving on hang-up can keep them.
        pane.send(" " + marker, literal=True)
        pane.wait_for(marker)
        self.kill_client_and_wait_for_exit(pane, pid)
        self.assertTrue(self.drafts_with(marker), "no draft holds the typed text")
        self.assertEqual(self.delivered(marker), [], "an unsent draft was delivered")

    def test_hang_up_mid_paste_exits_fast_and_keeps_the_pasted_text(self):
        """Issue 11.1: a bracketed paste with no end, then the connection drops."""
        marker = "pastemark" + uuid.uuid4().hex[:8]
        pane = self.open_pane(VISITOR, options=("SetEnv=LC_FOLIO_E2E=nohup",))   # no SIGHUP comes
        self.wait_for_ui(pane)
        pane.send("c")
        pane.wait_for("Name")
        pid = self.folio_pid()
        paste = "\x1b[200~hi " + marker
        before = bytes_read(pid)
        pane.send(paste, literal=True)
        # Drop the connection as soon as folio has read the paste, well within the 200 ms of
        # the issue: the paste is still open.
        wait_until(lambda: bytes_read(pid) - before >= len(paste.encode()), 5, interval=0.002,
                   what="folio to read the paste")
        self.kill_client_and_wait_for_exit(pane, pid)
        self.assertTrue(self.drafts_with(marker), "the open paste did not reach the draft")

    def test_no_key_starts_a_process_even_with_editor_set(self):
        env = f"SetEnv=EDITOR=/bin/sh VISUAL={self.s.spy} PAGER={self.s.spy} BROWSER={self.s.spy}"
        pane = self.open_pane(VISITOR, options=(env,))
        self.wait_for_ui(pane)
        pid = self.folio_pid()
        trace = os.path.join(self.s.root, f"strace.{pid}")
        tracer = None
        if h.shutil.which("strace"):
            tracer = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=execve,execveat",
                                       "-o", trace, "-p", str(pid)], stderr=subprocess.DEVNULL)
            wait_until(lambda: tracer_attached(pid), 5, what="strace to attach")
        keys = ["e", "o", "v", "!", "|", "Enter", "1", "Tab", "Enter", "o", "2", "Enter", "Enter",
                "o", "e", "v", "!", "|", "3", "Enter", "Tab", "Enter", "o", "C-z", "C-\\", "s", "x",
                "c", "C-e", "C-x", "Escape", "?", "Escape"]
        for key in keys:
            pane.send(key)
            with self.subTest(key=key):
                self.assert_no_process_starts(pid, 0.2)
        self.assert_no_process_starts(pid, 2)
        info = h.proc_stat(pid)
        self.assertIsNotNone(info, "folio exited")
        self.assertNotEqual(info[1], "T", "folio was stopped (^Z)")
        if tracer:
            tracer.terminate()
            tracer.wait(5)
            with open(trace) as f:
                self.assertNotIn("execve(", f.read())

    def test_idle_timeout_saves_the_draft_and_says_goodbye(self):
        self.s.write_config(VISITOR, "idle_timeout = 2\n")
        marker = "idlemark" + uuid.uuid4().hex[:8]
        pane = self.open_pane(VISITOR)
        self.wait_for_ui(pane)
        pane.send("c")
        pane.wait_for("Name")
        pane.send(marker, literal=True)
        pane.wait_for(marker)
        pid = self.folio_pid()
        typed = time.monotonic()
        pane.wait_for("Session ended after 2 seconds without input.", timeout=10)
        # The autosave ran a second after typing; the goodbye says when, not that it saved now.
        self.assertRegex(" ".join(pane.text().split()), r"Your draft was saved at \d\d:\d\d\.")
        wait_until(lambda: not h.alive(pid), 3, what="folio to exit after the goodbye")
        self.assertGreaterEqual(time.monotonic() - typed, 1.9)
        self.assertTrue(self.drafts_with(marker), "the idle timeout lost the draft")

    def test_session_limit_ends_even_a_busy_session(self):
        self.s.write_config(VISITOR, "session_limit = 3\nidle_timeout = 60\n")
        pane = self.open_pane(VISITOR)
        self.wait_for_ui(pane)
        started = time.monotonic()

        def ended():
            pane.send("j")   # keep the session busy; the cap must end it anyway
            return "Session ended: the limit is 3 seconds per visit." in pane.text()
        wait_until(ended, 10, interval=0.3, what="the session cap")
        self.assertGreaterEqual(time.monotonic() - started, 2.0)

    def test_a_trickled_paste_cannot_outstay_the_session_limit(self):
        """Issue 11.3: an open paste fed a byte every 100 ms; the 3 s cap still ends the visit."""
        self.s.write_config(VISITOR, "session_limit = 3\nidle_timeout = 60\n")
        pane = self.open_pane(VISITOR)
        self.wait_for_ui(pane)
        pid = self.folio_pid()
        started = time.monotonic()   # the session began before this: the cap can only come sooner
        pane.send("\x1b[200~", literal=True)

        def ended():
            pane.send("x", literal=True)   # the paste never ends
            return "Session ended: the limit is 3 seconds per visit." in pane.text()
        wait_until(ended, 10, interval=0.1, what="the session cap to end a trickled paste")
        took = time.monotonic() - started
        if os.environ.get("FOLIO_E2E_TIMES"):
            print(f"\n{self.id()}: a 3 s session with a trickled paste ended after {took:.2f} s")
        self.assertLess(took, 3 + 1.0, "the paste kept the session alive past its limit")
        wait_until(lambda: not h.alive(pid), 5, what="folio to exit after the goodbye")

    def test_enquiries_are_limited_per_source_address(self):
        self.require_outbox()
        self.s.write_config(VISITOR, "enquiries_per_hour = 1\n")
        tag = uuid.uuid4().hex[:8]
        pane = self.open_pane(VISITOR)
        self.wait_for_ui(pane)
        visit_support.type_enquiry(pane, "Rate One", "one@example.org", f"first {tag}", "first message")
        pane.send("C-s")
        self.new_message_with(f"first {tag}")
        pane.wait_for("Saved to the outbox")
        visit_support.type_enquiry(pane, "Rate Two", "two@example.org", f"second {tag}", "second message")
        pane.send("C-s")
        pane.wait_for("Not sent: at most 1 enquiry an hour from one address.")
        self.assertEqual(self.delivered(f"second {tag}"), [])
        state = os.path.join(self.s.home(VISITOR), ".local", "state", "folio", "ratelimit")
        with open(state) as f:
            self.assertRegex(f.read(), r"^\d+ 127\.0\.0\.1\n$")

    def test_a_huge_window_is_clamped(self):
        pane = self.open_pane(VISITOR, width=1200, height=400)
        self.wait_for_ui(pane)
        pid = self.folio_pid()
        self.assertLess(status_kb(pid, "VmRSS"), 200_000)
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")

    def test_claimed_4000_then_65535_windows_keep_folio_small(self):
        """Issue 11 item 2 over sshd: the client's pty claims 4000×4000 at login (in the
        pty-req), then a window change to 65535×65535. folio's peak RSS stays under
        WINDOW_PEAK_LIMIT_KB, keys still work, and q exits 0 with the terminal given back.
        The pane is the clamp's size (500×300), so what folio draws is all on it."""
        command = shlex.join(self.s.ssh_argv(VISITOR, tty=True))
        pane = tmux_util.Pane("sh -c " + shlex.quote(f"stty rows 4000 cols 4000 && exec {command}"),
                              width=500, height=300, env=self.s.client_env())
        self.panes.append(pane)
        self.wait_for_ui(pane)
        pid = self.folio_pid()

        def claimed():   # the size folio's pty claims (folio draws only the clamp's part of it)
            tty = os.readlink(f"/proc/{pid}/fd/0")
            return subprocess.run(["stty", "-F", tty, "size"], capture_output=True, text=True).stdout.split()
        self.assertEqual(claimed(), ["4000", "4000"])
        pane.send("2")
        pane.wait_for("[Services]")
        at_login = status_kb(pid, "VmHWM")
        self.assertLess(at_login, WINDOW_PEAK_LIMIT_KB, f"VmHWM {at_login} kB with 4000×4000 claimed")
        client_tty = os.readlink(f"/proc/{self.s.ssh_client_pid(pane)}/fd/0")
        subprocess.run(["stty", "-F", client_tty, "rows", "65535", "cols", "65535"], check=True)   # SIGWINCH to ssh
        wait_until(lambda: claimed() == ["65535", "65535"], 5, what="the window change to reach folio's pty")
        pane.send("3")
        pane.wait_for("[Case studies]")
        peak = status_kb(pid, "VmHWM")
        if os.environ.get("FOLIO_E2E_TIMES"):
            print(f"\n{self.id()}: VmHWM {at_login} kB at 4000×4000, {peak} kB after 65535×65535")
        self.assertLess(peak, WINDOW_PEAK_LIMIT_KB, f"VmHWM {peak} kB after 65535×65535")
        with open(f"/proc/{pid}/status") as f:
            self.assertNotIn("zombie", f.read())
        pane.send("q")
        screen = pane.wait_for("FOLIO-EXITED=", timeout=10)
        self.assertIn("FOLIO-EXITED=0", screen)
        self.assertFalse(pane.alternate_on(), "alternate screen left on")
        self.assertFalse(pane.mouse_any(), "mouse tracking left on")


class KioskEnvironmentTests(SshTestCase):
    """Issue 11 item 7. With `AcceptEnv *` a visitor can send any variable. A kiosk whose
    ForceCommand names no paths must still take them from the account's passwd entry and its
    own config file: the client cannot swap the portfolio, move the outbox, or move the
    rate-limit state (and so reset the limit)."""

    EVIL_NAME = "EVILSWAP Portfolio"

    @classmethod
    def setUpClass(cls):
        s = HARNESS
        if s is None:
            raise unittest.SkipTest("no sshd harness")
        # The bundled content, where a kiosk without --content finds it (<exe dir>/../share).
        share = s.path("share", "folio")
        os.makedirs(share, exist_ok=True)
        for d in (s.path("share"), share):
            os.chmod(d, 0o755)
        if not os.path.lexists(os.path.join(share, "Content")):
            os.symlink(s.content, os.path.join(share, "Content"))
        # Everything a visitor would point folio at instead, writable by the visitor so that
        # a write there would succeed if folio tried.
        cls.evil = s.path("evil")
        os.makedirs(os.path.join(cls.evil, "content"), exist_ok=True)
        os.makedirs(os.path.join(cls.evil, "config", "folio"), exist_ok=True)
        with open(os.path.join(cls.evil, "content", "profile.md"), "w") as f:
            f.write(f"---\nname: {cls.EVIL_NAME}\nheadline: swapped\nemail: evil@example.org\n---\nSwapped.\n")
        for name in ("folio.conf", os.path.join("config", "folio", "config")):
            with open(os.path.join(cls.evil, name), "w") as f:
                f.write(f"kiosk = false\nenquiries_per_hour = 100\nratelimit_file = {cls.evil}/ratelimit\n"
                        f"content = {cls.evil}/content\noutbox = {cls.evil}/outbox\n")
        for top, dirs, files in os.walk(cls.evil):
            os.chmod(top, 0o1777)
            for name in files:
                os.chmod(os.path.join(top, name), 0o644)
        cls.planted = sorted(os.path.join(top, n) for top, dirs, files in os.walk(cls.evil) for n in dirs + files)
        s.reconfigure(accept_env="*", kiosk_argv=["--kiosk"])

    @classmethod
    def tearDownClass(cls):
        HARNESS.reconfigure()
        shutil.rmtree(cls.evil, ignore_errors=True)

    def test_accept_env_star_cannot_move_the_portfolio_outbox_or_rate_limit(self):
        self.s.write_config(VISITOR, "enquiries_per_hour = 1\n")
        evil = self.evil
        hostile = {"FOLIO_CONTENT": f"{evil}/content", "FOLIO_OUTBOX": f"{evil}/outbox",
                   "FOLIO_CONFIG": f"{evil}/folio.conf", "XDG_CONFIG_HOME": f"{evil}/config",
                   "XDG_STATE_HOME": f"{evil}/state", "XDG_DATA_HOME": f"{evil}/data", "HOME": evil}
        setenv = "SetEnv=" + " ".join(f"{k}={v}" for k, v in hostile.items())
        tag = uuid.uuid4().hex[:8]
        pane = self.open_pane(VISITOR, options=[setenv])
        self.wait_for_ui(pane)
        # The variables did reach folio (its initial environment), so the test can fail.
        with open(f"/proc/{self.folio_pid()}/environ", "rb") as f:
            sent = f.read().split(b"\0")
        for name, value in hostile.items():
            if name != "HOME":   # OpenSSH sets HOME itself, after the client's variables
                self.assertIn(f"{name}={value}".encode(), sent)
        pane.wait_for("Engineering")   # the account's portfolio (the bundled one)
        self.assertNotIn(self.EVIL_NAME, pane.text())
        visit_support.type_enquiry(pane, "Env Visitor", "env@example.org", f"env {tag}", "first message")
        pane.send("C-s")
        pane.wait_for("Saved to the outbox")
        own_new = os.path.join(self.s.home(VISITOR), ".local", "share", "folio", "outbox", "new")
        self.assertEqual(len(self.s.files_containing(own_new, f"env {tag}")), 1)
        # The account's own limit (1 an hour) holds, counted in the passwd home.
        visit_support.type_enquiry(pane, "Env Visitor", "env@example.org", f"again {tag}", "second message")
        pane.send("C-s")
        pane.wait_for("Not sent: at most 1 enquiry an hour from one address.")
        state = os.path.join(self.s.home(VISITOR), ".local", "state", "folio", "ratelimit")
        with open(state) as f:
            self.assertRegex(f.read(), r"^\d+ 127\.0\.0\.1\n$")
        pane.send("Escape")
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")
        # Nothing was created where the client pointed: no outbox, drafts, state or config.
        now = sorted(os.path.join(top, n) for top, dirs, files in os.walk(evil) for n in dirs + files)
        self.assertEqual(now, self.planted)


class OwnAccountTests(SshTestCase):
    def test_idle_timeout_flag_for_an_ordinary_account(self):
        pane = self.open_pane(USER_A, self.s.folio, "--content", self.s.content, "--idle-timeout", "2")
        self.wait_for_ui(pane)
        pane.wait_for("Session ended after 2 seconds without input.", timeout=10)
        pane.wait_for("FOLIO-EXITED=")


def tracer_attached(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return re.search(r"TracerPid:\s+([1-9]\d*)", f.read()) is not None
    except OSError:
        return False


if __name__ == "__main__":
    unittest.main()
