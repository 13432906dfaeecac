"""The owner's Inbox in the real browser (issue 14): shown to the outbox's owner with the count
of new enquiries, decoded; r and a move the files as mutt expects; a message delivered while
the browser is open appears (inotify); absent in kiosk mode and for a user who cannot read the
outbox."""
import mailbox
import os
import tempfile
import shutil
import unittest

from outbox_support import enquire
from tmux_util import FOLIO_BIN, REPO, Pane, have_tmux

CONTENT = os.path.join(REPO, "Content")


@unittest.skipUnless(have_tmux(), "tmux is not installed")
class InboxInTmux(unittest.TestCase):
    def setUp(self):
        self.top = tempfile.mkdtemp(prefix="folio-e2e-inbox.")
        os.chmod(self.top, 0o755)
        self.addCleanup(shutil.rmtree, self.top, ignore_errors=True)
        self.outbox = os.path.join(self.top, "outbox")
        self.state = os.path.join(self.top, "state")
        os.makedirs(self.state, mode=0o777)
        os.chmod(self.state, 0o777)

    def deliver(self, subject, message="Hi!\n", name="Zoë Ångström"):
        done = enquire(self.outbox, name=name, subject=subject, message=message)
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout.decode().strip()

    def browser(self, *args, prefix=""):
        env = {"XDG_STATE_HOME": self.state, "XDG_CONFIG_HOME": os.path.join(self.top, "config")}
        pane = Pane(f"{prefix}{FOLIO_BIN} --content {CONTENT} --outbox {self.outbox} {' '.join(args)}",
                    width=100, height=30, env=env)
        self.addCleanup(pane.kill)
        pane.wait_for("About", "Contact")
        return pane

    def flags(self, key):
        message = mailbox.Maildir(self.outbox, factory=None, create=False).get_message(key)
        return message.get_subdir(), message.get_flags()

    def test_owner_reads_marks_and_archives_and_sees_new_mail_arrive(self):
        first = self.deliver("Café ✓ ledger rebuild", message="Grüße — can you help with the ledger?\n")
        pane = self.browser()
        screen = pane.wait_for("Inbox", "1 new enquiry")
        pane.send("6")
        # RFC 2047 subject and quoted-printable body, decoded.
        screen = pane.wait_for("Café ✓ ledger rebuild", "Grüße — can you help with the ledger?", "From: Zoë Ångström")
        self.assertIn("r read/unread", screen)
        pane.send("r")
        pane.wait_gone("new enquir")
        self.assertEqual(self.flags(first), ("cur", "S"))
        pane.send("r")
        pane.wait_for("1 new enquiry")
        self.assertEqual(self.flags(first), ("cur", ""))
        # Delivered by another process while the browser waits: inotify brings it in.
        second = self.deliver("Second enquiry arrives live")
        screen = pane.wait_for("Second enquiry arri", "2 new enquiries")
        lines = screen.splitlines()
        row = lambda text: next(i for i, line in enumerate(lines) if text in line)
        self.assertLess(row("• Second enquiry"), row("• Café ✓ ledger"))   # newest first
        # The selection stayed on the message being read; archive it.
        pane.send("a")
        pane.wait_gone("Café ✓ ledger")
        pane.wait_for("1 new enquiry")
        archive = mailbox.Maildir(os.path.join(self.outbox, ".Archive"), factory=None, create=False)
        self.assertEqual([archive.get_message(k).get_flags() for k in archive.keys()], ["S"])
        self.assertEqual(self.flags(second), ("new", ""))
        pane.send("q")
        pane.wait_for("FOLIO-EXITED=0")

    def test_no_inbox_in_kiosk_mode(self):
        self.deliver("Private enquiry")
        pane = self.browser("--kiosk")
        screen = pane.wait_for("Contact")
        pane.send("6")
        pane.send("?")
        screen += pane.wait_for("Keys")
        pane.send("G")
        screen += pane.wait_for("Keys")
        for text in ("Inbox", "enquir", "Private enquiry", "Reload"):
            self.assertNotIn(text, screen)

    def test_no_inbox_for_a_user_who_cannot_read_the_outbox(self):
        self.deliver("Private enquiry")
        os.chmod(self.outbox, 0o700)   # the owner's (root's) alone
        pane = self.browser(prefix="setpriv --reuid=65534 --regid=65534 --clear-groups -- ")
        screen = pane.wait_for("Contact")
        pane.send("6")
        screen += pane.wait_for("Contact")
        self.assertNotIn("Inbox", screen)
        self.assertNotIn("enquir", screen)


if __name__ == "__main__":
    unittest.main()
