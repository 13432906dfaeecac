"""Shared helpers for the outbox end-to-end tests: run `folio enquire`, parse the Maildir
strictly with the standard library, and mount small file systems when running as root."""
import email
import email.policy
import mailbox
import os
import shutil
import subprocess
import tempfile
import unittest

FOLIO = os.environ.get("FOLIO_BIN", ".build/debug/folio")
IS_ROOT = os.geteuid() == 0


def folio(*args, stdin=b"", env=None, user=None):
    """Runs folio; returns CompletedProcess with bytes stdout/stderr. `user` is (uid, gid, groups)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("FOLIO_OUTBOX", "SSH_CONNECTION")}
    environment.update(env or {})
    command = [os.path.abspath(FOLIO), *args]
    if user is not None:
        uid, gid, groups = user
        group_option = "--groups=" + ",".join(str(g) for g in groups) if groups else "--clear-groups"
        command = ["setpriv", f"--reuid={uid}", f"--regid={gid}", group_option, "--", *command]
    return subprocess.run(command, input=stdin, capture_output=True, env=environment, timeout=60)


def enquire(outbox, name="Ada Lovelace", email_="ada@example.org", subject="Hello", message="Hi!\n",
            company=None, env=None, extra=(), user=None):
    args = ["enquire", "--outbox", outbox, "--to", "hello@example.com", "--name", name,
            "--email", email_, "--subject", subject, *extra]
    if company is not None:
        args += ["--company", company]
    data = message if isinstance(message, bytes) else message.encode()
    return folio(*args, stdin=data, env=env, user=user)


def strict_messages(outbox):
    """Every message in new/ and cur/, parsed with policy=strict (raises on any defect)."""
    box = mailbox.Maildir(outbox, factory=None, create=False)
    result = {}
    for key in box.keys():
        raw = box.get_bytes(key)
        result[key] = (raw, email.message_from_bytes(raw, policy=email.policy.strict))
    return result


def files(path):
    return sorted(os.listdir(path)) if os.path.isdir(path) else []


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="folio-e2e-outbox.")
        os.chmod(self.dir, 0o755)  # setpriv'd users must reach the outboxes inside
        self.outbox = os.path.join(self.dir, "outbox")
        self.mounts = []

    def tearDown(self):
        for path in reversed(self.mounts):
            subprocess.run(["umount", "-l", path], capture_output=True)
        for root, dirs, _ in os.walk(self.dir):
            for name in dirs:
                try:
                    os.chmod(os.path.join(root, name), 0o700)
                except OSError:
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def mount_tmpfs(self, path, size="64k", read_only=False):
        """Mounts a tmpfs at `path` or skips the test, saying why, where mounting is impossible."""
        if not IS_ROOT:
            self.skip_loudly("mounting a tmpfs needs root")
        os.makedirs(path, exist_ok=True)
        options = f"size={size},mode=0755" + (",ro" if read_only else "")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", path], capture_output=True)
        if done.returncode != 0:
            self.skip_loudly("cannot mount tmpfs here: " + done.stderr.decode(errors="replace").strip())
        self.mounts.append(path)

    def remount_read_only(self, path):
        done = subprocess.run(["mount", "-o", "remount,ro", path], capture_output=True)
        self.assertEqual(done.returncode, 0, done.stderr)

    def skip_loudly(self, reason):
        print(f"\nSKIPPED {self.id()}: {reason}", flush=True)
        self.skipTest(reason)

    def assert_saved(self, result):
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        name = result.stdout.decode().strip()
        self.assertIn(name, files(os.path.join(self.outbox, "new")))
        return name

    def assert_nothing_saved(self, outbox=None):
        outbox = outbox or self.outbox
        self.assertEqual(files(os.path.join(outbox, "new")), [])
        self.assertEqual(files(os.path.join(outbox, "tmp")), [])
