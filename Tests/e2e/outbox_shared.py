"""The multi-user outbox: other accounts in the group deliver but cannot list or read; the
owner reads everything; unsafe modes are refused. Needs root (to act as other users)."""
import os
import stat

from outbox_support import IS_ROOT, TempDirTest, enquire, files, folio, strict_messages

GROUP = 4242           # an otherwise unused group id: no /etc/group entry is needed
USER_A = (61001, 61001, [GROUP])
USER_B = (61002, 61002, [GROUP])
STRANGER = (61003, 61003, [])


class SharedOutboxTests(TempDirTest):
    def setUp(self):
        super().setUp()
        if not IS_ROOT:
            self.skip_loudly("acting as other users needs root")
        if not os.access(os.path.abspath(os.environ.get("FOLIO_BIN", ".build/debug/folio")), os.X_OK):
            self.skip_loudly("folio binary not found")
        done = folio("outbox", "init", "--shared", "--group", str(GROUP), self.outbox)
        self.assertEqual(done.returncode, 0, done.stderr)

    def mode(self, *parts):
        info = os.stat(os.path.join(self.outbox, *parts))
        return stat.S_IMODE(info.st_mode), info.st_gid

    def test_init_sets_modes(self):
        self.assertEqual(self.mode(), (0o710, GROUP))
        self.assertEqual(self.mode("tmp"), (0o3730, GROUP))
        self.assertEqual(self.mode("new"), (0o3730, GROUP))
        self.assertEqual(self.mode("cur")[0], 0o700)

    def test_members_deliver_but_cannot_list_or_read(self):
        a = enquire(self.outbox, name="User A", subject="from A", user=USER_A)
        self.assertEqual(a.returncode, 0, a.stderr)
        b = enquire(self.outbox, name="User B", subject="from B", user=USER_B)
        self.assertEqual(b.returncode, 0, b.stderr)
        id_a = a.stdout.decode().strip()
        info = os.stat(os.path.join(self.outbox, "new", id_a))
        self.assertEqual((stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid), (0o640, USER_A[0], GROUP))
        self.assertEqual(files(os.path.join(self.outbox, "tmp")), [])
        # B can neither list nor show A's enquiry.
        listing = folio("outbox", "list", "--outbox", self.outbox, user=USER_B)
        self.assertNotEqual(listing.returncode, 0)
        self.assertNotIn(b"from A", listing.stdout)
        shown = folio("outbox", "show", "--outbox", self.outbox, id_a, user=USER_B)
        self.assertNotEqual(shown.returncode, 0)
        self.assertNotIn(b"from A", shown.stdout)
        # Someone outside the group cannot even deliver.
        stranger = enquire(self.outbox, user=STRANGER)
        self.assertEqual(stranger.returncode, 75, stranger.stderr)
        self.assertIn("permission denied", stranger.stderr.decode())
        # The owner reads both.
        subjects = sorted(str(m["Subject"]) for _, m in strict_messages(self.outbox).values())
        self.assertEqual(subjects, ["from A", "from B"])

    def test_group_readable_queue_is_refused(self):
        os.chmod(os.path.join(self.outbox, "new"), 0o3770)
        result = enquire(self.outbox, user=USER_A)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("readable by group or others", result.stderr.decode())
        self.assertEqual(files(os.path.join(self.outbox, "new")), [])

    def test_private_again(self):
        done = folio("outbox", "init", self.outbox)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(self.mode("new")[0], 0o700)
        self.assertEqual(folio("outbox", "init", "--shared", self.outbox).returncode, 64)
