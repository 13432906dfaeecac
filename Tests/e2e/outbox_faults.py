"""Faults: a read-only outbox, a full file system, unsafe directories and planted symlinks.
Each leaves nothing in new/ or tmp/, exits 73 or 75, and a retry works once fixed."""
import os
import pwd
import unittest
import subprocess

from outbox_support import IS_ROOT, TempDirTest, enquire, files, folio, strict_messages


class FaultTests(TempDirTest):
    def test_read_only_outbox_is_a_temporary_failure(self):
        self.assert_saved(enquire(self.outbox))  # the layout exists first
        tmp = os.path.join(self.outbox, "tmp")
        if IS_ROOT:
            # chmod does not stop root: make the outbox a read-only bind mount of itself.
            done = subprocess.run(["mount", "--bind", self.outbox, self.outbox], capture_output=True)
            if done.returncode != 0:
                self.skip_loudly("cannot bind-mount: " + done.stderr.decode(errors="replace").strip())
            self.mounts.append(self.outbox)
            self.assertEqual(subprocess.run(["mount", "-o", "remount,bind,ro", self.outbox]).returncode, 0)
        else:
            os.chmod(tmp, 0o500)
        before = files(os.path.join(self.outbox, "new"))
        result = enquire(self.outbox, subject="while read-only")
        self.assertEqual(result.returncode, 75, result.stderr)
        reason = "read-only file system" if IS_ROOT else "permission denied"
        self.assertIn("Not saved: " + reason, result.stderr.decode())
        self.assertEqual(files(os.path.join(self.outbox, "new")), before)
        self.assertEqual(files(tmp), [])
        if IS_ROOT:
            subprocess.run(["umount", self.outbox], check=True)
            self.mounts.remove(self.outbox)
        else:
            os.chmod(tmp, 0o700)
        self.assert_saved(enquire(self.outbox, subject="after the fix"))

    def test_read_only_mount_without_an_outbox(self):
        self.mount_tmpfs(self.dir + "/ro", read_only=True)
        result = enquire(self.dir + "/ro/outbox")
        self.assertEqual(result.returncode, 75, result.stderr)
        self.assertIn("read-only file system", result.stderr.decode())

    def test_full_file_system(self):
        mount = os.path.join(self.dir, "small")
        self.mount_tmpfs(mount, size="64k")
        outbox = os.path.join(mount, "outbox")
        first = enquire(outbox)
        self.assertEqual(first.returncode, 0, first.stderr)
        filler = os.path.join(mount, "filler")
        descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while os.write(descriptor, b"\0" * 1024):
                pass
        except OSError:
            pass  # ENOSPC: the file system is full
        finally:
            os.close(descriptor)
        result = enquire(outbox, message="x" * 30000)
        self.assertEqual(result.returncode, 75, result.stderr)
        self.assertIn("Not saved: disk full", result.stderr.decode())
        self.assertEqual(len(files(os.path.join(outbox, "new"))), 1)
        self.assertEqual(files(os.path.join(outbox, "tmp")), [])
        os.unlink(filler)
        retry = enquire(outbox, message="x" * 30000)
        self.assertEqual(retry.returncode, 0, retry.stderr)
        self.assertEqual(len(strict_messages(outbox)), 2)

    def test_world_writable_outbox_is_refused(self):
        self.assert_saved(enquire(self.outbox))
        os.chmod(self.outbox, 0o777)
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("writable by others", result.stderr.decode())
        os.chmod(self.outbox, 0o1777)  # sticky as well: others still own what they put there
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn(f"writable by others: anyone could delete or replace messages; run chmod o-w {self.outbox}",
                      result.stderr.decode())
        os.chmod(self.outbox, 0o700)
        self.assert_saved(enquire(self.outbox))

    @unittest.skipUnless(IS_ROOT, "needs root to give the directories to another account")
    def test_queue_directories_owned_by_another_user_are_refused(self):
        """Issue 11 item 8: tmp/ new/ cur/ owned by another account with mode 1777."""
        self.assert_saved(enquire(self.outbox))
        before = files(os.path.join(self.outbox, "new"))
        nobody = pwd.getpwnam("nobody").pw_uid
        for sub in ("tmp", "new", "cur"):
            path = os.path.join(self.outbox, sub)
            os.chown(path, nobody, -1)
            os.chmod(path, 0o1777)
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn(f"({os.path.join(self.outbox, 'tmp')})", result.stderr.decode())
        self.assertIn("writable by others", result.stderr.decode())
        # Owned by another account even with a private mode: still refused, and said so.
        for sub in ("tmp", "new", "cur"):
            os.chmod(os.path.join(self.outbox, sub), 0o700)
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("owned by nobody", result.stderr.decode())
        self.assertIn("not by the outbox's owner", result.stderr.decode())
        self.assertEqual(files(os.path.join(self.outbox, "new")), before)
        # cur/ alone belonging to someone else is enough.
        for sub in ("tmp", "new"):
            os.chown(os.path.join(self.outbox, sub), os.geteuid(), -1)
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn(f"({os.path.join(self.outbox, 'cur')})", result.stderr.decode())


class SymlinkTests(TempDirTest):
    def setUp(self):
        super().setUp()
        self.target = os.path.join(self.dir, "target")
        os.mkdir(self.target)

    def assert_untouched(self):
        for root, dirs, names in os.walk(self.target):
            self.assertEqual(names, [], root)

    def test_symlink_as_outbox_is_refused(self):
        os.symlink(self.target, self.outbox)
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("symlink", result.stderr.decode())
        self.assert_untouched()
        self.assertEqual(folio("outbox", "list", "--outbox", self.outbox).returncode, 73)

    def test_symlinked_tmp_or_new_is_refused(self):
        for sub in ("tmp", "new"):
            self.assert_saved(enquire(self.outbox))
            for name in files(os.path.join(self.outbox, sub)):
                os.unlink(os.path.join(self.outbox, sub, name))
            os.rmdir(os.path.join(self.outbox, sub))
            os.mkdir(os.path.join(self.target, sub))
            os.symlink(os.path.join(self.target, sub), os.path.join(self.outbox, sub))
            result = enquire(self.outbox)
            self.assertEqual(result.returncode, 73, result.stderr)
            self.assert_untouched()
            os.unlink(os.path.join(self.outbox, sub))
            os.mkdir(os.path.join(self.outbox, sub), 0o700)

    def test_symlinks_planted_in_tmp_are_never_followed(self):
        self.assert_saved(enquire(self.outbox))
        tmp = os.path.join(self.outbox, "tmp")
        # Links with names like the writer's: it must create its own file, never write through one.
        for i in range(50):
            os.symlink(os.path.join(self.target, f"victim{i}"), os.path.join(tmp, f"{i}.M{i:06d}P{i}R0.host"))
        os.symlink(self.target, os.path.join(tmp, "dir-link"))
        for _ in range(5):
            self.assert_saved(enquire(self.outbox))
        self.assert_untouched()
        self.assertEqual(len(strict_messages(self.outbox)), 6)
        self.assertEqual(len(files(tmp)), 51)  # only the planted links remain

    def test_outbox_file_instead_of_directory(self):
        with open(self.outbox, "w") as handle:
            handle.write("not a maildir")
        result = enquire(self.outbox)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("not a directory", result.stderr.decode())
