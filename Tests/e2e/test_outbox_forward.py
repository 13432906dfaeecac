"""`folio outbox forward` through real mail software: msmtp as the sendmail, aiosmtpd as the SMTP
server on 127.0.0.1. Each enquiry arrives once with its headers and UTF-8 body intact; a server
that is down means exit 75 and nothing marked; --watch delivers a new message while running."""
import email
import email.policy
import mailbox
import os
import select
import shutil
import signal
import socket
import subprocess
import time
import unittest

from outbox_support import FOLIO, TempDirTest, enquire, folio

SINK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "smtp_sink.py")
OWNER = "owner@example.com"
HAVE_TOOLS = shutil.which("msmtp") and subprocess.run(
    ["/usr/bin/python3", "-c", "import aiosmtpd"], capture_output=True).returncode == 0


def read_line(stream, seconds=10):
    """One line from a child's pipe, or b"" if none comes in time (the test fails instead of hanging)."""
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline() if ready else b""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@unittest.skipUnless(HAVE_TOOLS, "needs msmtp and python3-aiosmtpd (scripts/setup --test)")
class ForwardTests(TempDirTest):
    def setUp(self):
        super().setUp()
        self.port = free_port()
        self.received = os.path.join(self.dir, "received")
        os.makedirs(self.received)
        self.server = None
        self.sendmail = f"msmtp -C /dev/null --host=127.0.0.1 --port={self.port} --from=folio@localhost"

    def tearDown(self):
        self.stop_server()
        super().tearDown()

    def start_server(self):
        self.server = subprocess.Popen(["/usr/bin/python3", SINK, str(self.port), self.received],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.assertEqual(read_line(self.server.stdout).strip(), b"ready")

    def stop_server(self):
        if self.server is not None:
            self.server.kill()
            self.server.wait()
            self.server = None

    def forward(self, *extra):
        return folio("outbox", "forward", "--outbox", self.outbox, "--to", OWNER, "--sendmail", self.sendmail,
                     "--timeout", "20", *extra)

    def arrived(self):
        """Received messages (parsed strictly) with their envelope recipients."""
        result = []
        for name in sorted(os.listdir(self.received)):
            if name.endswith(".eml"):
                base = os.path.join(self.received, name[:-4])
                with open(base + ".eml", "rb") as handle:
                    message = email.message_from_bytes(handle.read(), policy=email.policy.strict)
                with open(base + ".rcpt") as handle:
                    result.append((message, handle.read().split()))
        return result

    def saved(self, count):
        ids = []
        for n in range(count):
            done = enquire(self.outbox, name=f"山田 {n} 👩‍💻", email_=f"sender{n}@example.jp",
                           subject=f"見積もり {n} — naïve", message=f"こんにちは {n}\n=equals= and\ttab\n.\nend 🎉\n")
            self.assertEqual(done.returncode, 0, done.stderr)
            ids.append(done.stdout.decode().strip())
        return ids

    def flags(self):
        box = mailbox.Maildir(self.outbox, factory=None, create=False)
        return {key: (box.get_message(key).get_subdir(), box.get_message(key).get_flags()) for key in box.keys()}

    def test_twenty_enquiries_arrive_once_each_intact_and_a_second_run_sends_nothing(self):
        ids = self.saved(20)
        box = mailbox.Maildir(self.outbox, factory=None, create=False)
        originals = {key: email.message_from_bytes(box.get_bytes(key), policy=email.policy.strict) for key in ids}
        self.start_server()
        done = self.forward()
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(sorted(done.stdout.decode().split()), sorted(["forwarded"] * 20 + ids))
        arrived = self.arrived()
        self.assertEqual(len(arrived), 20)
        by_id = {str(message["Message-ID"]): (message, rcpt) for message, rcpt in arrived}
        self.assertEqual(len(by_id), 20, "a message arrived twice")
        for key, original in originals.items():
            message, rcpt = by_id[str(original["Message-ID"])]
            self.assertEqual(rcpt, [OWNER])
            for header in ("From", "To", "Subject", "Date", "X-Folio-Origin", "Content-Type"):
                self.assertEqual(str(message[header]), str(original[header]), header)
            # SMTP carries lines ending in CRLF (RFC 5321); the stored message uses LF.
            self.assertEqual(message.get_content().replace("\r\n", "\n"), original.get_content())
            self.assertIn("end 🎉", message.get_content())
        self.assertEqual(set(self.flags().values()), {("cur", "P")})
        again = self.forward()
        self.assertEqual((again.returncode, again.stdout), (0, b""), again.stderr)
        self.assertEqual(len(self.arrived()), 20)

    def test_server_down_exits_75_marks_nothing_and_the_next_run_delivers_all(self):
        ids = self.saved(3)
        down = self.forward()
        self.assertEqual(down.returncode, 75, down.stderr)
        self.assertIn(b"3 messages left for the next run", down.stderr)
        self.assertEqual(self.flags(), {key: ("new", "") for key in ids})
        self.start_server()
        up = self.forward()
        self.assertEqual(up.returncode, 0, up.stderr)
        self.assertEqual(len(self.arrived()), 3)
        self.assertEqual(set(self.flags().values()), {("cur", "P")})

    def test_missing_transport_is_unavailable_and_recipient_is_required(self):
        self.saved(1)
        done = folio("outbox", "forward", "--outbox", self.outbox, "--to", OWNER, "--sendmail", "/nonexistent/mta -x")
        self.assertEqual(done.returncode, 75, done.stderr)
        self.assertEqual(set(self.flags().values()), {("new", "")})
        bad = folio("outbox", "forward", "--outbox", self.outbox, "--to", "not an address")
        self.assertEqual(bad.returncode, 78, bad.stderr)

    def test_watch_delivers_a_new_message_and_stops_on_sigterm(self):
        self.start_server()
        first = self.saved(1)
        watcher = subprocess.Popen([os.path.abspath(FOLIO), "outbox", "forward", "--watch", "--outbox", self.outbox,
                                    "--to", OWNER, "--sendmail", self.sendmail],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            self.assertEqual(read_line(watcher.stdout).split(), [b"forwarded", first[0].encode()])  # the start pass
            added = self.saved(1)[0]
            deadline = time.monotonic() + 2
            while len(self.arrived()) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertEqual(len(self.arrived()), 2, "not delivered within 2 s")
            self.assertEqual(read_line(watcher.stdout).split(), [b"forwarded", added.encode()])
            watcher.send_signal(signal.SIGTERM)
            self.assertEqual(watcher.wait(timeout=10), 0)
        finally:
            if watcher.poll() is None:
                watcher.kill()
                watcher.wait()
        self.assertEqual(set(self.flags().values()), {("cur", "P")})
