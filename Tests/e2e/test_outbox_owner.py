"""The owner's outbox commands: list (table, --unread, --json, missing outbox), show (marks seen by
Maildir rules), archive and delete (Maildir++ .Archive and .Trash). Flags are read back with
Python's mailbox.Maildir, i.e. as mutt would see them."""
import json
import mailbox
import os

from outbox_support import TempDirTest, enquire, folio

LONG_NAME = "Bartholomew Featherstonehaugh-Cholmondeley"
LONG_ADDRESS = "bartholomew.featherstonehaugh@consultancy.subdomain.example.org"


class OwnerCommandTests(TempDirTest):
    def out(self, *args):
        done = folio("outbox", *args, "--outbox", self.outbox)
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout.decode()

    def save(self, subject, name="Ada Lovelace", address="ada@example.org"):
        done = enquire(self.outbox, name=name, email_=address, subject=subject)
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout.decode().strip()

    def box(self):
        return mailbox.Maildir(self.outbox, factory=None, create=False)

    def state(self, box, key):
        message = box.get_message(key)
        return message.get_subdir(), message.get_flags()

    def test_missing_and_empty_outbox_say_no_enquiries_yet(self):
        self.assertEqual(self.out("list"), "no enquiries yet\n")
        self.assertFalse(os.path.exists(self.outbox))
        self.assertEqual(json.loads(self.out("list", "--json"))["messages"], [])
        os.makedirs(os.path.join(self.outbox, "new"))
        os.makedirs(os.path.join(self.outbox, "tmp"))
        self.assertEqual(self.out("list"), "no enquiries yet\n")

    def test_piped_list_keeps_whole_addresses_and_json_has_every_message(self):
        first = self.save("Engine design review " + "x" * 90, name=LONG_NAME, address=LONG_ADDRESS)
        second = self.save("Second")
        for env in ({}, {"COLUMNS": "60"}):
            done = folio("outbox", "list", "--outbox", self.outbox, env=env)
            self.assertIn(f"\"{LONG_NAME}\" <{LONG_ADDRESS}>", done.stdout.decode())
            self.assertIn("x" * 90, done.stdout.decode())
        narrow = self.out("list", "--width", "140").splitlines()
        self.assertTrue(all(len(line) <= 140 for line in narrow), narrow)
        self.assertIn(f"<{LONG_ADDRESS}>", narrow[1])
        listed = json.loads(self.out("list", "--json"))
        self.assertEqual(listed["schemaVersion"], 1)
        self.assertEqual([m["id"] for m in listed["messages"]], [first, second])
        self.assertEqual(listed["messages"][0]["from"], f"\"{LONG_NAME}\" <{LONG_ADDRESS}>")
        self.assertEqual([(m["unread"], m["folder"], m["flags"]) for m in listed["messages"]],
                         [(True, "new", ""), (True, "new", "")])

    def test_show_marks_seen_by_maildir_rules_and_keep_unread_does_not(self):
        first = self.save("First")
        second = self.save("Second")
        raw = self.box().get_bytes(first)
        self.assertIn("Subject: Second", self.out("show", "--keep-unread", second[:25]))
        self.assertEqual(self.state(self.box(), second), ("new", ""))
        self.assertIn("Subject: First", self.out("show", first[:25]))
        box = self.box()
        self.assertEqual(self.state(box, first), ("cur", "S"))
        self.assertEqual(box.get_bytes(first), raw)
        self.assertEqual(os.listdir(os.path.join(self.outbox, "cur")), [first + ":2,S"])
        self.assertEqual(self.out("list", "--unread", "--long").count("\n"), 2)  # header + Second
        self.assertIn(second, self.out("list", "--unread", "--long"))
        self.out("show", first)  # showing again changes nothing
        self.assertEqual(os.listdir(os.path.join(self.outbox, "cur")), [first + ":2,S"])

    def test_flags_set_by_mutt_are_kept(self):
        key = self.save("Flagged")
        box = self.box()
        message = box.get_message(key)
        message.set_subdir("cur")
        message.add_flag("F")
        box[key] = message  # as a mail reader would: cur/KEY:2,F
        box.flush()
        self.out("show", key)
        self.assertEqual(self.state(self.box(), key), ("cur", "FS"))

    def test_archive_and_delete_move_into_maildir_plus_plus_folders(self):
        kept, archived, deleted = self.save("kept"), self.save("archived"), self.save("deleted")
        self.out("archive", archived)
        self.out("delete", deleted[:25])
        box = self.box()
        self.assertEqual(sorted(box.list_folders()), ["Archive", "Trash"])
        self.assertEqual(box.keys(), [kept])
        archive, trash = box.get_folder("Archive"), box.get_folder("Trash")
        self.assertEqual(archive.keys(), [archived])
        self.assertEqual(self.state(archive, archived), ("cur", "S"))
        self.assertEqual(trash.keys(), [deleted])
        self.assertEqual(self.state(trash, deleted), ("cur", ""))
        self.assertIn("Subject: deleted", trash.get_bytes(deleted).decode())
        self.assertTrue(os.path.isfile(os.path.join(self.outbox, ".Trash", "maildirfolder")))
        missing = folio("outbox", "archive", "--outbox", self.outbox, archived)
        self.assertEqual(missing.returncode, 65)

    def test_every_outbox_subcommand_documents_examples_and_exit_status(self):
        for sub in ((), ("list",), ("show",), ("archive",), ("delete",), ("init",)):
            done = folio("outbox", *sub, "--help")
            text = done.stdout.decode()
            self.assertIn("EXAMPLES", text, sub)
            self.assertIn("EXIT STATUS", text, sub)
